package dev.keyway.connections.store;

import dev.keyway.api.Secret;
import dev.keyway.connections.crypto.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binary form of credential fields, the plaintext that gets encrypted:
 * {@code [0x01][count:int]} then per field {@code [nameLen:int][name][valueLen:int][value]}, UTF-8.
 * A fixed binary layout (rather than JSON) keeps plaintext out of parser buffers we cannot wipe.
 */
final class CredentialCodec {

    private static final byte FORMAT = 0x01;

    private CredentialCodec() {
    }

    /** Encodes the fields; the caller wipes the result. */
    static byte[] encode(Map<String, Secret> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(FORMAT);
        Bytes.writeInt(out, fields.size());
        for (Map.Entry<String, Secret> field : fields.entrySet()) {
            Bytes.writeLengthPrefixed(out, field.getKey().getBytes(StandardCharsets.UTF_8));
            byte[] value = field.getValue().reveal().getBytes(StandardCharsets.UTF_8);
            Bytes.writeLengthPrefixed(out, value);
            Bytes.wipe(value);
        }
        byte[] result = out.toByteArray();
        // The stream's internal buffer held plaintext too; overwrite it before it is dropped.
        out.reset();
        out.write(new byte[result.length], 0, result.length);
        return result;
    }

    /**
     * Decodes what {@link #encode} made; does not wipe {@code plain}.
     *
     * @throws IllegalArgumentException if the layout is broken
     */
    static Map<String, Secret> decode(byte[] plain) {
        ByteBuffer in = ByteBuffer.wrap(plain);
        if (in.get() != FORMAT) {
            throw new IllegalArgumentException("unknown credential format");
        }
        int count = in.getInt();
        Map<String, Secret> fields = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = readString(in);
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new IllegalArgumentException("bad value length");
            }
            fields.put(name, Secret.of(new String(plain, in.position(), length, StandardCharsets.UTF_8)));
            in.position(in.position() + length);
        }
        return fields;
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("bad name length");
        }
        String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }
}
