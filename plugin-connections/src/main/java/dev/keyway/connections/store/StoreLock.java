package dev.keyway.connections.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS-level lock on a file of our own, guarding an embedded database against a second process.
 *
 * <p>Why not HSQLDB's {@code .lck}: it is a heartbeat file, and after a kill -9 a reopen waits
 * about ten seconds for the stale heartbeat to age (measured with 2.7.4). The OS releases a
 * {@link FileLock} the moment the process dies, so we take this lock and open HSQLDB with
 * {@code hsqldb.lock_file=false}. The file is never written and never deleted (deleting would let
 * two processes lock two different inodes).
 */
final class StoreLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path file) {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw held(file, "another process");
            }
            return new StoreLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw held(file, "this process (a store is already open there)");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(e, "cannot lock the store (%s: %s); check that the folder exists and is "
                    + "writable", file, e.getClass().getSimpleName());
        } catch (StoreException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static StoreException held(Path file, String who) {
        return new StoreException("the store is in use by %s (lock %s is held); stop it, or configure another data "
                + "directory or a shared JDBC URL", who, file);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // The channel close below releases it as well.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing left to release.
            }
        }
    }
}
