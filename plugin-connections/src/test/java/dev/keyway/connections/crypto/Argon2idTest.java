package dev.keyway.connections.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Argon2idTest {

    @Test
    void sameSaltSameKeyOtherSaltOtherKey() {
        KdfParameters params = KdfParameters.owaspWithFreshSalt();
        byte[] first = Argon2id.derive("correct horse".toCharArray(), params);
        byte[] again = Argon2id.derive("correct horse".toCharArray(), KdfParameters.decode(params.encode()));
        byte[] otherSalt = Argon2id.derive("correct horse".toCharArray(), KdfParameters.owaspWithFreshSalt());
        assertThat(first).hasSize(32).isEqualTo(again).isNotEqualTo(otherSalt);
        assertThat(params.encode()).startsWith("argon2id$m=19456,t=2,p=1$");
    }

    @Test
    void emptyPassphraseIsRefused() {
        assertThatThrownBy(() -> Argon2id.derive(new char[0], KdfParameters.owaspWithFreshSalt()))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("empty");
    }
}
