package dev.keyway.connections.store;

import dev.keyway.connections.crypto.MasterKey;
import java.util.List;

/**
 * Data key rotation and master key change for an open store. All operations are online: reads and
 * writes keep working while they run.
 */
public interface KeyManager {

    /** Every key version, newest first, with how many rows use it. */
    List<KeyVersionInfo> status();

    /**
     * Creates a data key, makes it primary for new writes, re-encrypts every row still on older
     * keys in batches, then retires the versions no row uses.
     */
    RotationResult rotateDataKey(RotationProgress progress);

    /**
     * Retires every non-primary version that no row uses (no new write may use it) and returns
     * them; the material of versions retired more than ten minutes ago that still have no row is
     * destroyed, so a write racing a retirement in another engine is never left unreadable.
     */
    List<Integer> retireUnusedKeys();

    /**
     * Re-wraps every data key (and the key check) under {@code newMaster} in one transaction. Rows
     * are untouched. Afterwards the store must be opened with the new key: update
     * KEYWAY_MASTER_KEY, the key file or the passphrase before the next start.
     */
    void changeMasterKey(MasterKey newMaster);
}
