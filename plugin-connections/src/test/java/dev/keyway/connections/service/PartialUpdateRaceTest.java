package dev.keyway.connections.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.http.ConnectionTester;
import dev.keyway.connections.http.CredentialInjector;
import dev.keyway.connections.http.HttpSettings;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.store.ConnectionStore;
import dev.keyway.connections.store.ConnectionUpdate;
import dev.keyway.connections.store.JdbcConnectionStore;
import dev.keyway.connections.store.ResolvedConnection;
import dev.keyway.connections.store.TestStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changing some fields merges them into the current ones. Another writer that commits between that
 * read and the write must not see its change undone: the interleaving is forced here, every time.
 */
class PartialUpdateRaceTest {

    private static final Principal ALICE = new Principal("alice", "acme");

    @TempDir
    Path dir;

    private JdbcConnectionStore store;
    private SafeHttpClient http;

    @BeforeEach
    void open() {
        store = JdbcConnectionStore.open(TestStores.options(dir, TestStores.newKey()));
        http = new SafeHttpClient(HttpSettings.defaults());
    }

    @AfterEach
    void close() {
        http.close();
        store.close();
    }

    @Test
    void aFieldAnotherWriterChangesDuringTheMergeIsKept() {
        ConnectionService direct = service(store);
        String id = direct.create(ALICE, "production", new NewConnectionRequest("jira", ConnectionType.CREDENTIALS,
                "Jira", "production", Map.of("user-email", Secret.of("old@x.test"), "api-token", Secret.of("t1"),
                "base-url", Secret.of("https://acme.atlassian.net")), Set.of(), null, List.of())).connection().id();
        AtomicReference<Runnable> onFirstDecrypt = new AtomicReference<>(() -> direct.update(id, ALICE,
                ConnectionUpdate.none(), Map.of("user-email", Secret.of("new@x.test"))));

        service(interleaving(store, onFirstDecrypt)).update(id, ALICE, ConnectionUpdate.none(),
                Map.of("api-token", Secret.of("t2")));

        try (ResolvedConnection resolved = store.resolve(id, ALICE, "production")) {
            assertThat(resolved.credentials().fields().get("user-email").reveal()).isEqualTo("new@x.test");
            assertThat(resolved.credentials().fields().get("api-token").reveal()).isEqualTo("t2");
        }
    }

    private ConnectionService service(ConnectionStore connections) {
        return new ConnectionService(connections, ProviderCatalogue.builtIn(),
                new ConnectionTester(http, new CredentialInjector()), Clock.systemUTC());
    }

    /** The real store, running {@code onFirstDecrypt} (once) right after the first decrypting read returns. */
    private static ConnectionStore interleaving(ConnectionStore real, AtomicReference<Runnable> onFirstDecrypt) {
        return (ConnectionStore) Proxy.newProxyInstance(ConnectionStore.class.getClassLoader(),
                new Class<?>[] {ConnectionStore.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    Runnable hook = method.getName().equals("resolve") ? onFirstDecrypt.getAndSet(null) : null;
                    if (hook != null) {
                        hook.run();
                    }
                    return result;
                });
    }
}
