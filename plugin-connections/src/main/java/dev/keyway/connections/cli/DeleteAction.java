package dev.keyway.connections.cli;

import dev.keyway.api.KeywayException;
import dev.keyway.api.support.UsageException;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.oauth.TokenRevoker;
import dev.keyway.connections.store.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code connections delete ID}: removes a connection and the secrets seeded from it, after confirmation. */
final class DeleteAction implements Action {

    @Override
    public String name() {
        return "delete";
    }

    @Override
    public String summary() {
        return "delete a connection and its seeded secrets (asks first, or --yes)";
    }

    @Override
    public Set<String> flags() {
        return Set.of("yes");
    }

    @Override
    public String help() {
        return """
                Usage: keyway connections delete ID [--yes]

                Deletes a connection you own, its stored credentials and the environment secrets seeded
                from it; an OAuth connection's tokens are revoked at the provider first. Patterns that
                use it fail at their next run until they get another connection.
                Asks you to type the id to confirm; without a terminal, --yes is required.

                Options:
                  --yes   delete without asking (scripts)

                Examples:
                  keyway connections delete conn_3kTm9x...
                  keyway connections delete conn_3kTm9x... --yes""";
    }

    @Override
    public int run(Invocation invocation) {
        String id = invocation.positionals("ID").get(0);
        Connection connection = invocation.connection(id);
        if (!invocation.args().flag("yes")) {
            confirm(invocation, connection);
        }
        // As the REST delete does: OAuth tokens are revoked at the provider first (RFC 7009), so a deleted
        // connection leaves no live token behind; a failed revocation is reported and never blocks.
        TokenRevoker.Outcome revocation = connection.type() == ConnectionType.OAUTH
                ? invocation.runtime().get().oauth().revoker().revoke(connection, invocation.principal()) : null;
        if (!invocation.connections().store().delete(id, invocation.principal())) {
            throw invocation.notFound(id);
        }
        if (invocation.json()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", id);
            answer.put("deleted", true);
            if (revocation != null) {
                answer.put("revocation", revocation.view());
            }
            invocation.out().println(Json.write(answer));
        } else {
            invocation.out().printf("Deleted %s (%s \"%s\").%n", id, connection.provider(), connection.displayName());
            if (revocation != null) {
                invocation.out().printf("Token revocation: %s: %s.%n", revocation.state(), revocation.message());
            }
        }
        return Invocation.OK;
    }

    private static void confirm(Invocation invocation, Connection c) {
        if (!invocation.interactive()) {
            throw new UsageException("not deleting %s without confirmation: there is no terminal to ask; pass --yes "
                    + "to delete it", c.id());
        }
        invocation.context().err().printf("Delete %s (%s \"%s\", %s)? Patterns using it will fail. "
                + "Type the id to confirm: ", c.id(), c.provider(), c.displayName(), c.environment());
        invocation.context().err().flush();
        String answer;
        try {
            answer = invocation.context().in().readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (answer == null || !answer.strip().equals(c.id())) {
            throw new KeywayException("not deleted: the answer was not the id %s", c.id());
        }
    }
}
