package dev.keyway.connections.cli;

import dev.keyway.connections.http.TestOutcome;
import dev.keyway.connections.service.TestedConnection;
import dev.keyway.connections.store.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code connections test ID}: calls the provider's test request and records ACTIVE / NOT ACTIVE. */
final class TestAction implements Action {

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String summary() {
        return "check the credentials against the provider; exit 1 when not active";
    }

    @Override
    public String help() {
        return """
                Usage: keyway connections test ID

                Sends the provider's test request (e.g. Slack's auth.test) with the connection's credentials,
                to its base URL and allowed hosts only, and records the result as the connection's status.
                Prints ACTIVE, or NOT ACTIVE with the reason. Exit code 0 when active, 1 when not.

                Examples:
                  keyway connections test conn_3kTm9x...
                  keyway --json connections test conn_3kTm9x... || echo "rotate the key"
                """.stripTrailing();
    }

    @Override
    public int run(Invocation invocation) {
        String id = invocation.positionals("ID").get(0);
        TestedConnection tested = invocation.connections().test(id, invocation.principal());
        Connection c = tested.connection();
        TestOutcome outcome = tested.outcome();
        if (invocation.json()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", c.id());
            view.put("status", c.status().state().wire());
            view.put("reason", c.status().reason());
            view.put("lastCheckedAt", Times.wire(c.status().lastCheckedAt()));
            view.put("tested", outcome.verdict() != TestOutcome.Verdict.NOT_TESTED);
            view.put("httpStatus", outcome.httpStatus() == 0 ? null : outcome.httpStatus());
            view.put("message", outcome.message());
            invocation.out().println(Json.write(view));
        } else if (outcome.verdict() == TestOutcome.Verdict.NOT_TESTED) {
            invocation.out().printf("%s (not tested: %s)%n", Status.label(c.status()), outcome.message());
        } else if (c.status().isActive()) {
            invocation.out().printf("ACTIVE: %s%n", outcome.message());
        } else {
            invocation.out().printf("NOT ACTIVE: %s%n", c.status().reason());
        }
        return c.status().isActive() ? Invocation.OK : Invocation.FAILED;
    }
}
