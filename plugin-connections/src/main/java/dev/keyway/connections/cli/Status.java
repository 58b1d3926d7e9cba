package dev.keyway.connections.cli;

import dev.keyway.connections.store.ConnectionStatus;

/** How a connection's status reads for people: ACTIVE or NOT ACTIVE. */
final class Status {

    private Status() {
    }

    static String label(ConnectionStatus status) {
        return status.isActive() ? "ACTIVE" : "NOT ACTIVE";
    }
}
