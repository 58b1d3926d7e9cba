package dev.keyway.connections.store;

import dev.keyway.connections.crypto.Bytes;
import java.util.Base64;

/** Connection ids: {@code conn_} and 128 random bits in unpadded base64url (22 characters). */
final class ConnectionIds {

    private ConnectionIds() {
    }

    static String next() {
        return "conn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(Bytes.random(16));
    }
}
