package dev.keyway.connections.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyWrapTest {

    private final MasterKey master = MasterKey.generate("the master key from KEYWAY_MASTER_KEY");

    @Test
    void keyCheckAcceptsItsKeyAndNamesTheSourceOfAWrongOne() {
        byte[] check = KeyWrap.keyCheck(master, "store-1");
        KeyWrap.verify(master, "store-1", check);
        MasterKey other = MasterKey.generate("the master key file /tmp/x");
        assertThatThrownBy(() -> KeyWrap.verify(other, "store-1", check))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("the master key file /tmp/x does not open this store");
        assertThatThrownBy(() -> KeyWrap.verify(master, "store-2", check)).isInstanceOf(MasterKeyException.class);
    }

    @Test
    void wrappedDataKeyIsBoundToItsVersion() {
        byte[] raw = Bytes.random(32);
        byte[] wrapped = KeyWrap.wrap(master, "store-1", 3, raw);
        assertThat(KeyWrap.unwrap(master, "store-1", 3, wrapped).key().getEncoded()).isEqualTo(raw);
        assertThatThrownBy(() -> KeyWrap.unwrap(master, "store-1", 4, wrapped))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("data key v4");
    }
}
