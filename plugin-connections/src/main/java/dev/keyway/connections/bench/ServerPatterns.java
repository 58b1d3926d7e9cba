package dev.keyway.connections.bench;

/** The patterns the server benchmark runs, both calling the upstream with the stored connection. */
final class ServerPatterns {

    static final String CONNECTION_NAME = "Bench upstream";
    static final String SERVED_ID = "bench-served";
    /** The served pattern's trigger, below {@code /hooks}. */
    static final String TRIGGER_PATH = "/bench/served";
    /** The same pattern against the upstream's slow path ({@link LoopbackUpstream#SLOW_PATH}). */
    static final String SLOW_ID = "bench-served-slow";
    static final String SLOW_TRIGGER_PATH = "/bench/served-slow";
    /**
     * In every right answer of both sides: the upstream's body has it, and so has Keyway's run
     * result, whose output is the upstream's login.
     */
    static final String ANSWER_MARK = "\"login\":\"bench\"";

    private ServerPatterns() {
    }

    /**
     * For {@code keyway run}: the manual-header chain (Get Connection, Set Property builds the
     * header, HTTP Request sends it), so a cold start opens the store and decrypts a credential.
     */
    static String coldStart() {
        return """
                {
                  "id": "bench-cold-start",
                  "name": "Bench: cold start of keyway run",
                  "nodes": [
                    { "id": "cred", "type": "connections.get-connection",
                      "properties": { "connection": "github/%s" } },
                    { "id": "headers", "type": "connections.set-property",
                      "properties": { "path": "Authorization", "template": "Bearer {value}" },
                      "inputs": { "object": { "Accept": "application/json" },
                                  "value": { "from": "cred.credentials.token" } } },
                    { "id": "call", "type": "connections.http-request",
                      "properties": { "method": "GET", "url": "{baseUrl}%s" },
                      "inputs": { "headers": { "from": "headers.object" }, "baseUrl": { "from": "cred.baseUrl" } } }
                  ],
                  "outputs": { "login": { "from": "call.body.login" } }
                }
                """.formatted(CONNECTION_NAME, ServerBenchmark.UPSTREAM_PATH);
    }

    /** For {@code keyway serve}: an HTTP trigger and one HTTP Request with the connection picked on it. */
    static String served() {
        return served(SERVED_ID, TRIGGER_PATH, ServerBenchmark.UPSTREAM_PATH);
    }

    /** {@link #served()} with its own id and trigger, calling {@code upstreamPath}. */
    static String served(String id, String triggerPath, String upstreamPath) {
        return """
                {
                  "id": "%s",
                  "name": "Bench: HTTP trigger to the upstream",
                  "trigger": { "type": "http", "path": "%s", "method": "POST" },
                  "nodes": [
                    { "id": "call", "type": "connections.http-request",
                      "properties": { "method": "GET", "url": "{baseUrl}%s", "connection": "github/%s" } }
                  ],
                  "outputs": { "login": { "from": "call.body.login" } }
                }
                """.formatted(id, triggerPath, upstreamPath, CONNECTION_NAME);
    }
}
