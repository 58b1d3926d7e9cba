package dev.keyway.engine.cli;

import dev.keyway.engine.json.EngineJson;

/** JSON output for {@code --json}: the engine's conventions, indented. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        return EngineJson.pretty(value);
    }
}
