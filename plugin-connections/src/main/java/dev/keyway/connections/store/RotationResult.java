package dev.keyway.connections.store;

import java.util.List;

/**
 * The outcome of {@link KeyManager#rotateDataKey}.
 *
 * @param newVersion      the new primary version
 * @param rowsRewrapped   rows re-encrypted under it
 * @param retiredVersions versions retired because no row used them any more
 */
public record RotationResult(int newVersion, long rowsRewrapped, List<Integer> retiredVersions) {

    public RotationResult {
        retiredVersions = List.copyOf(retiredVersions);
    }
}
