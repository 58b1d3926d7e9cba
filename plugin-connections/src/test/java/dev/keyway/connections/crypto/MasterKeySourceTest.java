package dev.keyway.connections.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {

    @TempDir
    Path dir;

    @Test
    void environmentWinsThenKeyFileThenPassphraseThenDefault() {
        String b64 = Base64.getEncoder().encodeToString(Bytes.random(32));
        Path file = dir.resolve("k");
        MasterKeyOptions none = MasterKeyOptions.defaults(Map.of(), dir.resolve("default.key"));
        assertThat(MasterKeySource.select(none.withKeyFile(file).withPassphrase("p".toCharArray())
                .withKeyFile(file))).isInstanceOf(MasterKeySource.KeyFile.class);
        assertThat(MasterKeySource.select(new MasterKeyOptions(Map.of("KEYWAY_MASTER_KEY", b64), file, null,
                dir.resolve("d")))).isInstanceOf(MasterKeySource.Environment.class);
        assertThat(MasterKeySource.select(none.withPassphrase("p".toCharArray())))
                .isInstanceOf(MasterKeySource.Passphrase.class);
        assertThat(MasterKeySource.select(none)).isInstanceOf(MasterKeySource.GeneratedKeyFile.class);
    }

    @Test
    void malformedEnvironmentKeyIsNamed() {
        MasterKeySource source = new MasterKeySource.Environment("not base64!");
        assertThatThrownBy(() -> source.load(null, true)).isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("KEYWAY_MASTER_KEY");
        MasterKeySource shortKey = new MasterKeySource.Environment(Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> shortKey.load(null, true)).hasMessageContaining("16 bytes, not 32");
    }

    @Test
    void defaultKeyFileIsGeneratedOwnerOnlyForANewStoreOnly() throws Exception {
        Path file = dir.resolve("keys/master.key");
        MasterKeySource source = new MasterKeySource.GeneratedKeyFile(file);
        assertThatThrownBy(() -> source.load(null, false)).isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("does not exist");
        assertThat(file).doesNotExist();

        MasterKey created = source.load(null, true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        MasterKey reread = source.load(null, false);
        assertThat(reread.rawCopy()).isEqualTo(created.rawCopy());
    }

    @Test
    void passphraseNeedsTheStoredSaltOnAnExistingStore() {
        MasterKeySource source = new MasterKeySource.Passphrase("pass phrase".toCharArray());
        MasterKey fresh = source.load(null, true);
        assertThat(fresh.kdf()).isNotNull();
        assertThat(source.load(fresh.kdf(), false).rawCopy()).isEqualTo(fresh.rawCopy());
        assertThatThrownBy(() -> source.load(null, false)).isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("raw master key");
        assertThat(source.toString()).doesNotContain("pass phrase");
    }
}
