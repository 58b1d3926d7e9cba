package dev.keyway.connections.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private static final HexFormat HEX = HexFormat.of();

    private final SecretKey key = AesGcm.key256(Bytes.random(32));
    private final byte[] aad = Aad.of("test", "row-1");

    @Test
    void sealThenOpenRoundTrips() {
        byte[] plain = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = AesGcm.seal(key, plain, aad);
        assertThat(sealed).hasSize(1 + 12 + plain.length + 16);
        assertThat(AesGcm.open(key, sealed, aad)).isEqualTo(plain);
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        byte[] plain = new byte[8];
        byte[] first = AesGcm.seal(key, plain, aad);
        byte[] second = AesGcm.seal(key, plain, aad);
        assertThat(java.util.Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(java.util.Arrays.copyOfRange(second, 1, 13));
    }

    @Test
    void everyFlippedBitIsRefused() {
        byte[] sealed = AesGcm.seal(key, "secret".getBytes(StandardCharsets.UTF_8), aad);
        for (int i = 0; i < sealed.length; i++) {
            byte[] copy = sealed.clone();
            copy[i] ^= 0x01;
            assertThatThrownBy(() -> AesGcm.open(key, copy, aad)).isInstanceOf(TamperedException.class);
        }
    }

    @Test
    void otherAssociatedDataOrKeyIsRefused() {
        byte[] sealed = AesGcm.seal(key, new byte[] {1, 2, 3}, aad);
        assertThatThrownBy(() -> AesGcm.open(key, sealed, Aad.of("test", "row-2")))
                .isInstanceOf(TamperedException.class);
        assertThatThrownBy(() -> AesGcm.open(AesGcm.key256(Bytes.random(32)), sealed, aad))
                .isInstanceOf(TamperedException.class);
        assertThatThrownBy(() -> AesGcm.open(key, new byte[5], aad)).isInstanceOf(TamperedException.class);
    }

    @Test
    void passesWycheproofVectorsAndRefusesOtherSizes() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/wycheproof/aes_gcm_test.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int valid = 0;
        int invalid = 0;
        int refusedSizes = 0;
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                byte[] k = HEX.parseHex(test.get("key").asText());
                byte[] iv = HEX.parseHex(test.get("iv").asText());
                byte[] a = HEX.parseHex(test.get("aad").asText());
                byte[] msg = HEX.parseHex(test.get("msg").asText());
                byte[] ct = HEX.parseHex(test.get("ct").asText());
                byte[] tag = HEX.parseHex(test.get("tag").asText());
                String id = "tcId " + test.get("tcId").asInt();
                if (iv.length != 12 || tag.length != 16) {
                    assertThatThrownBy(() -> AesGcm.decrypt(k, iv, ct, tag, a)).as(id)
                            .isInstanceOf(IllegalArgumentException.class);
                    if (iv.length != 12) {
                        assertThatThrownBy(() -> AesGcm.encrypt(k, iv, msg, a)).as(id)
                                .isInstanceOf(IllegalArgumentException.class);
                    }
                    refusedSizes++;
                } else if (test.get("result").asText().equals("valid")) {
                    byte[] expected = new byte[ct.length + tag.length];
                    System.arraycopy(ct, 0, expected, 0, ct.length);
                    System.arraycopy(tag, 0, expected, ct.length, tag.length);
                    assertThat(AesGcm.encrypt(k, iv, msg, a)).as(id).isEqualTo(expected);
                    assertThat(AesGcm.decrypt(k, iv, ct, tag, a)).as(id).isEqualTo(msg);
                    valid++;
                } else {
                    assertThatThrownBy(() -> AesGcm.decrypt(k, iv, ct, tag, a)).as(id)
                            .isInstanceOf(TamperedException.class);
                    invalid++;
                }
            }
        }
        System.out.printf("Wycheproof AES-GCM: %d valid matched, %d invalid refused, %d other IV/tag sizes refused%n",
                valid, invalid, refusedSizes);
        assertThat(valid + invalid + refusedSizes).isEqualTo(root.get("numberOfTests").asInt());
        assertThat(valid).isPositive();
        assertThat(invalid).isPositive();
        assertThat(refusedSizes).isPositive();
    }
}
