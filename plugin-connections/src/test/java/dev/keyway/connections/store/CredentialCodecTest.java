package dev.keyway.connections.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Secret;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialCodecTest {

    @Test
    void roundTripsNamesAndUnicodeValues() {
        Map<String, Secret> fields = new LinkedHashMap<>();
        fields.put("api-token", Secret.of("t\u00f6ken \"with\" quotes"));
        fields.put("base-url", Secret.of("https://x"));
        Map<String, Secret> decoded = CredentialCodec.decode(CredentialCodec.encode(fields));
        assertThat(decoded).containsOnlyKeys("api-token", "base-url");
        assertThat(decoded.get("api-token").reveal()).isEqualTo("t\u00f6ken \"with\" quotes");
    }

    @Test
    void truncatedInputIsRefusedNotMisread() {
        byte[] encoded = CredentialCodec.encode(Map.of("k", Secret.of("value")));
        assertThatThrownBy(() -> CredentialCodec.decode(Arrays.copyOf(encoded, encoded.length - 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
