package dev.keyway.connections.store;

/** Told after every batch of a rotation; must be quick, it runs on the rotating thread. */
@FunctionalInterface
public interface RotationProgress {

    /**
     * @param rewrapped rows moved to the new key so far
     * @param total     rows that were on older keys when the rotation started
     */
    void onProgress(long rewrapped, long total);

    static RotationProgress none() {
        return (done, total) -> { };
    }
}
