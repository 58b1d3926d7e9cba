package dev.keyway.connections.store;

import java.time.Instant;

/**
 * One data key version as the status API shows it.
 *
 * @param version        key version
 * @param state          primary (encrypts new writes), active (still decrypts rows) or retired
 * @param createdAt      when it was created
 * @param connectionRows connections encrypted under it
 * @param secretRows     environment secrets encrypted under it
 */
public record KeyVersionInfo(int version, State state, Instant createdAt, long connectionRows, long secretRows) {

    /** Lifecycle of a data key. */
    public enum State { PRIMARY, ACTIVE, RETIRED }

    public long totalRows() {
        return connectionRows + secretRows;
    }
}
