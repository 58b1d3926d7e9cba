package dev.keyway.connections.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * Master key files: one line, the base64 of 32 bytes (the same text KEYWAY_MASTER_KEY takes, so a
 * key can move between the two), created owner-only (rw-------).
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** Reads a key file; the caller wipes the returned bytes. */
    public static byte[] read(Path file) {
        byte[] text;
        try {
            text = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MasterKeyException(e, "the master key file %s cannot be read (%s); check the path "
                    + "and its permissions, or restore it from your backup", file, e.getClass().getSimpleName());
        }
        try {
            return decodeBase64Key(text, "the master key file " + file);
        } finally {
            Bytes.wipe(text);
        }
    }

    /** Decodes base64 text of exactly 32 bytes, trimming whitespace; {@code what} names the source. */
    public static byte[] decodeBase64Key(byte[] text, String what) {
        int start = 0;
        int end = text.length;
        while (start < end && Character.isWhitespace(text[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(text[end - 1])) {
            end--;
        }
        byte[] trimmed = java.util.Arrays.copyOfRange(text, start, end);
        try {
            byte[] key = Base64.getDecoder().decode(trimmed);
            if (key.length != AesGcm.KEY_BYTES) {
                Bytes.wipe(key);
                throw new MasterKeyException("%s holds %d bytes, not 32; it must be the base64 of 32 random "
                        + "bytes (e.g. `head -c 32 /dev/urandom | base64`)", what, key.length);
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new MasterKeyException("%s is not valid base64; it must be the base64 of 32 random bytes", what);
        } finally {
            Bytes.wipe(trimmed);
        }
    }

    /**
     * Writes {@code key} to a new file readable and writable by its owner only.
     *
     * @throws MasterKeyException if the file exists or cannot be written
     */
    public static void create(Path file, MasterKey key) {
        byte[] raw = key.rawCopy();
        byte[] text = Base64.getEncoder().encode(raw);
        Bytes.wipe(raw);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            createOwnerOnly(file);
            Files.write(file, text, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.write(file, "\n".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (FileAlreadyExistsException e) {
            throw new MasterKeyException("the master key file %s already exists; refusing to overwrite a key "
                    + "that may still be needed", file);
        } catch (IOException e) {
            throw new MasterKeyException(e, "the master key file %s cannot be written (%s); check the folder's "
                    + "permissions", file, e.getClass().getSimpleName());
        } finally {
            Bytes.wipe(text);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
            java.io.File f = file.toFile();
            // Best effort on non-POSIX file systems: drop everyone's access, then give it back to the owner.
            boolean ok = f.setReadable(false, false) & f.setWritable(false, false)
                    & f.setReadable(true, true) & f.setWritable(true, true);
            if (!ok) {
                throw new IOException("cannot restrict permissions");
            }
        }
    }
}
