package dev.keyway.connections.store;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.crypto.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Shared fixtures for store tests: real file databases in a temp dir, keys through KEYWAY_MASTER_KEY. */
public final class TestStores {

    static final Principal ALICE = new Principal("alice", "acme");
    static final Principal BOB = new Principal("bob", "acme");
    static final Principal ALICE_ELSEWHERE = new Principal("alice", "globex");

    private TestStores() {
    }

    public static String newKey() {
        return Base64.getEncoder().encodeToString(Bytes.random(32));
    }

    public static StoreOptions options(Path dir, String masterKey) {
        return StoreOptions.embedded(dir, Map.of("KEYWAY_MASTER_KEY", masterKey));
    }

    static NewConnection jira(String environment, String token) {
        return NewConnection.builder("jira", ConnectionType.CREDENTIALS, environment, Credentials.of(Map.of(
                        "user-email", Secret.of("ops@acme.test"),
                        "api-token", Secret.of(token),
                        "base-url", Secret.of("https://acme.atlassian.net"))))
                .displayName("Jira - " + environment)
                .tags(java.util.Set.of("tickets"))
                .allowedHosts(java.util.List.of("acme.atlassian.net:443"))
                .build();
    }

    /** Path to SHA-256 of every file below {@code dir} (directories too, so new ones show up). */
    static Map<String, String> fingerprint(Path dir) {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String key = dir.relativize(path).toString();
                if (Files.isDirectory(path)) {
                    result.put(key, "dir");
                } else {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
                    result.put(key, HexFormat.of().formatHex(digest) + " " + Files.getLastModifiedTime(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }
}
