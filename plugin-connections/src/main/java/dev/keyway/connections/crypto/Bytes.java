package dev.keyway.connections.crypto;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;

/** Random bytes and wiping, shared so every key and nonce comes from one strong source. */
public final class Bytes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Bytes() {
    }

    /** {@code length} bytes from a {@link SecureRandom}. */
    public static byte[] random(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }

    /** Overwrites arrays we own; null-safe so callers can wipe in {@code finally} blocks. */
    public static void wipe(byte[]... arrays) {
        for (byte[] array : arrays) {
            if (array != null) {
                Arrays.fill(array, (byte) 0);
            }
        }
    }

    /** Appends a 4-byte big-endian length, then {@code bytes}. */
    public static void writeLengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        writeInt(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    /** Appends {@code value} as 4 bytes, big-endian. */
    public static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    /** Overwrites a char array we own; null-safe. */
    public static void wipe(char[] array) {
        if (array != null) {
            Arrays.fill(array, '\0');
        }
    }
}
