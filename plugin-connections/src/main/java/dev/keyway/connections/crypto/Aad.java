package dev.keyway.connections.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Associated data for AES-GCM: a purpose label followed by the values that identify the row a
 * ciphertext belongs to. Each part is length-prefixed (4 bytes, big-endian) so that no two
 * different tuples encode to the same bytes ("ab","c" vs "a","bc").
 */
public final class Aad {

    private Aad() {
    }

    /**
     * Encodes {@code purpose} and {@code parts}; a null part is encoded as length -1 so that null
     * and "" stay distinct.
     */
    public static byte[] of(String purpose, String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        writePart(out, purpose);
        for (String part : parts) {
            writePart(out, part);
        }
        return out.toByteArray();
    }

    private static void writePart(ByteArrayOutputStream out, String part) {
        if (part == null) {
            Bytes.writeInt(out, -1);
        } else {
            Bytes.writeLengthPrefixed(out, part.getBytes(StandardCharsets.UTF_8));
        }
    }
}
