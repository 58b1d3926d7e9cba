package dev.keyway.connections.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a connection's credentials work, why not, and when that was last checked.
 *
 * @param state         active or not active
 * @param reason        why it is not active (null when active); never credential material
 * @param lastCheckedAt when the credentials were last tested, or null if never
 */
public record ConnectionStatus(State state, String reason, Instant lastCheckedAt) {

    /** The two states the connections page shows. */
    public enum State {
        ACTIVE("active"),
        NOT_ACTIVE("not_active");

        private static final State[] VALUES = values();

        private final String wire;

        State(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static State fromWire(String value) {
            String lower = value == null ? null : value.toLowerCase(Locale.ROOT);
            for (State state : VALUES) {
                if (state.wire.equals(value) || state.wire.equals(lower)) {
                    return state;
                }
            }
            throw new InvalidRequestException("unknown connection status '%s'; use active or not_active", value);
        }
    }

    public ConnectionStatus {
        Objects.requireNonNull(state, "state");
    }

    /** Active, never checked. */
    public static ConnectionStatus active() {
        return new ConnectionStatus(State.ACTIVE, null, null);
    }

    public static ConnectionStatus active(Instant checkedAt) {
        return new ConnectionStatus(State.ACTIVE, null, checkedAt);
    }

    public static ConnectionStatus notActive(String reason, Instant checkedAt) {
        return new ConnectionStatus(State.NOT_ACTIVE, reason, checkedAt);
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }
}
