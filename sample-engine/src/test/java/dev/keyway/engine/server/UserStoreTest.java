package dev.keyway.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.KeywayException;
import dev.keyway.api.Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {

    @TempDir
    Path home;

    @Test
    void issuedTokenSignsInAndIsStoredOnlyAsAHash() throws Exception {
        UserStore store = new UserStore(home.resolve("users.json"), Clock.systemUTC());
        UserStore.Issued issued = store.add("alice", "acme");
        String token = issued.token().reveal();

        assertThat(token).startsWith("kw_").hasSizeGreaterThanOrEqualTo(3 + 43);
        assertThat(store.authenticate(token)).contains(new Principal("alice", "acme"));
        String file = Files.readString(home.resolve("users.json"));
        assertThat(file).contains("alice").doesNotContain(token).doesNotContain(token.substring(3));
        assertThat(Files.getPosixFilePermissions(home.resolve("users.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(issued.toString()).doesNotContain(token);
    }

    @Test
    void survivesReopenAndRevocation() {
        UserStore store = new UserStore(home.resolve("users.json"), Clock.systemUTC());
        UserStore.Issued first = store.add("bob", "acme");
        UserStore.Issued second = store.issue("bob");

        UserStore reopened = new UserStore(home.resolve("users.json"), Clock.systemUTC());
        assertThat(reopened.authenticate(first.token().reveal())).isPresent();
        assertThat(reopened.revoke(first.tokenId())).isTrue();
        assertThat(reopened.authenticate(first.token().reveal())).isEmpty();
        assertThat(reopened.authenticate(second.token().reveal())).isPresent();
        assertThat(reopened.revoke("nope")).isFalse();
    }

    @Test
    void refusesUnknownAndMalformedTokens() {
        UserStore store = new UserStore(home.resolve("users.json"), Clock.systemUTC());
        store.add("carol", "acme");
        assertThat(store.authenticate(null)).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
        assertThat(store.authenticate("kw_not-a-real-token")).isEmpty();
        assertThat(store.authenticate("Bearer kw_x")).isEmpty();
    }

    @Test
    void explainsBadNamesAndDuplicates() {
        UserStore store = new UserStore(home.resolve("users.json"), Clock.systemUTC());
        store.add("dave", "acme");
        assertThatThrownBy(() -> store.add("dave", "acme")).isInstanceOf(KeywayException.class)
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> store.add("bad name", "acme")).hasMessageContaining("user name 'bad name' is not valid");
        assertThatThrownBy(() -> store.issue("nobody")).hasMessageContaining("keyway users add nobody");
    }
}
