package dev.keyway.engine.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keyway.api.KeywayException;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Users and their API tokens, kept in one JSON file ({@code KEYWAY_HOME/users.json}, owner-only).
 * Only token hashes are stored; the token itself is shown once, when it is issued.
 */
public final class UserStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final String TOKEN_PREFIX = "kw_";

    private final Path file;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final SecureRandom random = new SecureRandom();
    private volatile List<User> users;

    public UserStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.users = read();
    }

    /** Adds a user and issues its first token. */
    public synchronized Issued add(String name, String workspace) {
        requireName(name, "user name");
        requireName(workspace, "workspace");
        if (find(name).isPresent()) {
            throw new KeywayException("user '%s' exists already; issue another token with 'keyway users token %s'", name, name);
        }
        List<User> next = new ArrayList<>(users);
        next.add(new User(name, workspace, clock.instant().toString(), List.of()));
        users = List.copyOf(next);
        return issue(name);
    }

    /** Issues a new token for an existing user. */
    public synchronized Issued issue(String name) {
        User user = find(name).orElseThrow(() -> new KeywayException("no user '%s'; add it with 'keyway users add %s'", name, name));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = sha256(token);
        User.Token entry = new User.Token(hash.substring(0, 12), hash, clock.instant().toString(), false);
        List<User.Token> tokens = new ArrayList<>(user.tokens());
        tokens.add(entry);
        replace(new User(user.name(), user.workspace(), user.createdAt(), tokens));
        return new Issued(user.name(), entry.id(), Secret.of(token));
    }

    /** Revokes a token by its id; returns false when there is no such token. */
    public synchronized boolean revoke(String tokenId) {
        for (User user : users) {
            List<User.Token> tokens = new ArrayList<>();
            boolean found = false;
            for (User.Token token : user.tokens()) {
                if (token.id().equals(tokenId) && !token.revoked()) {
                    tokens.add(new User.Token(token.id(), token.sha256(), token.createdAt(), true));
                    found = true;
                } else {
                    tokens.add(token);
                }
            }
            if (found) {
                replace(new User(user.name(), user.workspace(), user.createdAt(), tokens));
                return true;
            }
        }
        return false;
    }

    /** The principal a bearer token signs in as, if it is a live token. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        byte[] hash = sha256(token).getBytes(StandardCharsets.US_ASCII);
        for (User user : users) {
            for (User.Token candidate : user.tokens()) {
                if (!candidate.revoked() && MessageDigest.isEqual(hash, candidate.sha256().getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(new Principal(user.name(), user.workspace()));
                }
            }
        }
        return Optional.empty();
    }

    public List<User> list() {
        return users;
    }

    public Optional<User> find(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    private void replace(User user) {
        List<User> next = new ArrayList<>();
        for (User existing : users) {
            next.add(existing.name().equals(user.name()) ? user : existing);
        }
        users = List.copyOf(next);
        write();
    }

    private static void requireName(String value, String what) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new KeywayException("%s '%s' is not valid: use 1 to 64 letters, digits, '.', '_', '@' or '-'", what, value);
        }
    }

    private List<User> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return List.of(mapper.readValue(file.toFile(), User[].class));
        } catch (IOException e) {
            throw new KeywayException("cannot read users from %s: %s; fix or restore the file", file, e.getMessage());
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, mapper.writeValueAsBytes(users));
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system; the folder's own permissions apply.
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KeywayException("cannot write users to %s: %s", file, e.getMessage());
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * A freshly issued token: shown once, never stored.
     *
     * @param user    who it signs in as
     * @param tokenId its public id
     * @param token   the bearer token
     */
    public record Issued(String user, String tokenId, Secret token) {
    }
}
