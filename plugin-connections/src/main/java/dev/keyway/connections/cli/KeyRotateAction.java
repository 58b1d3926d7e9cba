package dev.keyway.connections.cli;

import dev.keyway.connections.store.RotationResult;
import java.io.PrintWriter;
import java.util.Map;

/** {@code keys rotate}: a new primary data key, every row re-encrypted under it in batches, online. */
final class KeyRotateAction implements Action {

    @Override
    public String name() {
        return "rotate";
    }

    @Override
    public String summary() {
        return "make a new data key primary and re-encrypt every row under it (online)";
    }

    @Override
    public String help() {
        return """
                Usage: keyway keys rotate

                Creates a data key, makes it primary for new writes, re-encrypts every connection and seeded
                secret still on older keys in small batches (progress on stderr), then retires the versions
                no row uses. Engines sharing the store keep working meanwhile. The master key is unchanged;
                see 'keyway keys change-master' for that.

                Examples:
                  keyway keys rotate
                  keyway --json keys rotate 2>/dev/null""";
    }

    @Override
    public int run(Invocation invocation) {
        invocation.positionals();
        PrintWriter err = invocation.context().err();
        RotationResult result = invocation.runtime().get().store().keys().rotateDataKey((done, total) -> {
            err.printf("keys rotate: %d/%d rows re-encrypted%n", done, total);
            err.flush();
        });
        if (invocation.json()) {
            invocation.out().println(Json.write(Map.of("newVersion", result.newVersion(),
                    "rowsRewrapped", result.rowsRewrapped(), "retiredVersions", result.retiredVersions())));
        } else {
            invocation.out().printf("Data key v%d is primary; %d row%s re-encrypted; retired versions: %s%n",
                    result.newVersion(), result.rowsRewrapped(), result.rowsRewrapped() == 1 ? "" : "s",
                    result.retiredVersions().isEmpty() ? "none" : result.retiredVersions());
        }
        return Invocation.OK;
    }
}
