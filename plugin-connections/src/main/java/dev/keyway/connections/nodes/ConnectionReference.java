package dev.keyway.connections.nodes;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.FieldValidator;

/** The {@code connection} property shared by the nodes: an id or {@code provider/Display Name}. */
final class ConnectionReference {

    /** Where the picker's options come from. */
    static final String PICKER = "connections";

    private static final String PATTERN = "conn_[A-Za-z0-9_-]+|[a-z][a-z0-9_-]*/\\S.*";

    private ConnectionReference() {
    }

    static FieldSpec.Builder property() {
        return FieldSpec.builder("connection")
                .picker(PICKER)
                .validator(FieldValidator.matches(PATTERN,
                        "a connection id like conn_abc123 or 'provider/Display Name' like 'github/GitHub - Production'"));
    }
}
