package dev.keyway.connections.service;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.http.ConnectionTester;
import dev.keyway.connections.http.TestOutcome;
import dev.keyway.connections.providers.CredentialField;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.providers.SeededSecret;
import dev.keyway.connections.store.ConcurrentUpdateException;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionNotFoundException;
import dev.keyway.connections.store.ConnectionStatus;
import dev.keyway.connections.store.ConnectionStore;
import dev.keyway.connections.store.ConnectionUpdate;
import dev.keyway.connections.store.Credentials;
import dev.keyway.connections.store.InvalidRequestException;
import dev.keyway.connections.store.NewConnection;
import dev.keyway.connections.store.ResolvedConnection;
import dev.keyway.connections.store.SecretScope;
import dev.keyway.connections.store.SeedResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What people do with connections, whatever the door (REST API, CLI, page): create with the
 * provider's fields checked and secrets seeded, update, test, share, delete. Access rules are the
 * store's; this class adds the catalogue's knowledge and the connection test.
 */
public final class ConnectionService {

    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(15);
    /** Re-reads and re-merges after losing a race, before the caller is told to retry. */
    private static final int MERGE_ATTEMPTS = 8;

    private final ConnectionStore store;
    private final ProviderCatalogue catalogue;
    private final ConnectionTester tester;
    private final Clock clock;
    private final Runnable usageFlush;

    public ConnectionService(ConnectionStore store, ProviderCatalogue catalogue, ConnectionTester tester, Clock clock) {
        this(store, catalogue, tester, clock, () -> { });
    }

    /**
     * @param usageFlush waits until queued usage events are written, so a reader sees its own
     *                   executions' uses (see {@link UsageRecorder})
     */
    public ConnectionService(ConnectionStore store, ProviderCatalogue catalogue, ConnectionTester tester, Clock clock,
                             Runnable usageFlush) {
        this.store = store;
        this.catalogue = catalogue;
        this.tester = tester;
        this.clock = clock;
        this.usageFlush = usageFlush;
    }

    /** The newest uses of a visible connection, including any still queued for writing. */
    public java.util.List<dev.keyway.connections.store.UsageEvent> usage(String id, Principal principal, int limit) {
        usageFlush.run();
        return store.usage(id, principal, limit);
    }

    public ConnectionStore store() {
        return store;
    }

    public ProviderCatalogue catalogue() {
        return catalogue;
    }

    /**
     * Creates a connection in {@code request.environment()} (or {@code callerEnvironment}) and seeds
     * its fields as environment secrets.
     *
     * @throws InvalidRequestException naming every missing, unknown or malformed field
     */
    public CreatedConnection create(Principal owner, String callerEnvironment, NewConnectionRequest request) {
        Provider provider = provider(request.provider());
        if (request.type() == ConnectionType.OAUTH) {
            throw new InvalidRequestException("OAuth connections are created by the authorization flow, not with fields");
        }
        if (!provider.supports(request.type())) {
            throw new InvalidRequestException("provider %s takes %s connections, not %s", provider.id(),
                    provider.authKinds().stream().map(ConnectionType::id).toList(), request.type().id());
        }
        Map<String, Secret> fields = checkedFields(provider, request.fields(), true);
        ConnectionTargets.check(request.baseUrl(), request.allowedHosts());
        String environment = request.environment() == null ? callerEnvironment : request.environment();
        NewConnection connection = NewConnection.builder(provider.id(), request.type(), environment, Credentials.of(fields))
                .displayName(request.displayName() == null || request.displayName().isBlank()
                        ? provider.displayName() : request.displayName())
                .tags(request.tags())
                .baseUrl(request.baseUrl())
                .allowedHosts(request.allowedHosts())
                .build();
        Connection created = store.create(owner, connection);
        SecretScope scope = request.environment() == null ? SecretScope.allEnvironments()
                : SecretScope.environment(request.environment());
        SeedResult seeded = store.seedSecrets(created.id(), owner, scope, seedPlan(provider, fields));
        return new CreatedConnection(created, seeded);
    }

    /** The API's single-key shortcut: the key goes into the provider's one secret field. */
    public String apiKeyField(String providerId) {
        Provider provider = provider(providerId);
        List<CredentialField> secrets = provider.fields().stream().filter(CredentialField::secret).toList();
        if (secrets.isEmpty()) {
            throw new InvalidRequestException("provider %s has no secret field to hold an API key", providerId);
        }
        return secrets.get(0).name();
    }

    /**
     * Replaces credential fields: every pattern using the connection picks up the new values at its
     * next run. Fields not named keep their values, even when another update of the same connection
     * runs at the same time.
     */
    public Connection update(String id, Principal owner, ConnectionUpdate update, Map<String, Secret> newFields) {
        ConnectionTargets.check(update.baseUrl(), update.allowedHosts());
        if (newFields == null || newFields.isEmpty()) {
            return store.update(id, owner, update);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return store.update(id, owner, merged(id, owner, update, newFields));
            } catch (ConcurrentUpdateException e) {
                if (update.expectedRowVersion() != null || attempt == MERGE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * A partial change keeps the other fields: decrypt the current ones, overlay, re-encrypt. The
     * result holds only while the row is at the version the fields were read at; written over a
     * newer row it would undo another writer's change to a field this update does not name.
     */
    private ConnectionUpdate merged(String id, Principal owner, ConnectionUpdate update, Map<String, Secret> newFields) {
        Connection current = store.get(id, owner).orElseThrow(() -> notFound(id, owner));
        Provider provider = provider(current.provider());
        checkedFields(provider, newFields, false);
        Map<String, Secret> merged = new LinkedHashMap<>();
        long readAt;
        try (ResolvedConnection resolved = store.resolve(id, owner, current.environment())) {
            resolved.credentials().fields().forEach((name, value) -> merged.put(name, value.derive(v -> v)));
            readAt = resolved.connection().rowVersion();
        }
        merged.putAll(newFields);
        ConnectionUpdate complete = update.withCredentials(Credentials.of(checkedFields(provider, merged, true)));
        return update.expectedRowVersion() != null ? complete : complete.expectingRowVersion(readAt);
    }

    /**
     * Makes the provider's test request with the connection's credentials and records the status
     * (active, or not active with the reason) and the time.
     */
    public TestedConnection test(String id, Principal principal) {
        Connection connection = store.get(id, principal).orElseThrow(() -> notFound(id, principal));
        Provider catalogued = provider(connection.provider());
        // The connection's own base URL is the API root the nodes call, so the test must call it too.
        Provider provider = connection.baseUrl() == null ? catalogued : catalogued.withBaseUrl(connection.baseUrl());
        TestOutcome outcome;
        try (ResolvedConnection resolved = store.resolve(id, principal, connection.environment())) {
            // The connection's base URL also feeds host templates such as {base-url} (Vault, generic providers).
            Map<String, Secret> fields = withBaseUrl(connection, resolved.credentials().fields());
            List<String> hosts = new ArrayList<>(connection.allowedHosts());
            if (!hosts.isEmpty()) {
                hosts.addAll(provider.resolveAllowedHosts(fields));
            }
            outcome = tester.test(provider, connection.type(), fields, connection.id(), hosts, TEST_TIMEOUT);
        }
        ConnectionStatus status = switch (outcome.verdict()) {
            case PASSED -> new ConnectionStatus(ConnectionStatus.State.ACTIVE, null, clock.instant());
            case FAILED -> new ConnectionStatus(ConnectionStatus.State.NOT_ACTIVE, outcome.message(), clock.instant());
            case NOT_TESTED -> connection.status();
        };
        Connection updated = outcome.verdict() == TestOutcome.Verdict.NOT_TESTED ? connection : store.recordStatus(id, status);
        return new TestedConnection(updated, outcome);
    }

    /** A connection's own base URL (self-hosted) stands in for the provider's default. */
    private static Map<String, Secret> withBaseUrl(Connection connection, Map<String, Secret> fields) {
        if (connection.baseUrl() == null || fields.containsKey("base-url")) {
            return fields;
        }
        Map<String, Secret> copy = new LinkedHashMap<>(fields);
        copy.put("base-url", Secret.of(connection.baseUrl()));
        return copy;
    }

    private Provider provider(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidRequestException("provider is required; see GET /api/providers for the list");
        }
        return catalogue.find(id).orElseThrow(() -> new InvalidRequestException(
                "unknown provider '%s'; see GET /api/providers (or 'keyway connections providers') for the list", id));
    }

    /**
     * Checks fields against the provider: unknown names, empty values, values outside the allowed
     * ones, and (when {@code complete}) missing required ones; fills defaults of non-secret fields.
     */
    private static Map<String, Secret> checkedFields(Provider provider, Map<String, Secret> fields, boolean complete) {
        List<String> problems = new ArrayList<>();
        TreeSet<String> known = new TreeSet<>();
        provider.fields().forEach(f -> known.add(f.name()));
        for (String name : new TreeSet<>(fields.keySet())) {
            if (!known.contains(name)) {
                problems.add("unknown field '" + name + "' (" + provider.id() + " takes " + String.join(", ", known) + ")");
            }
        }
        Map<String, Secret> result = new LinkedHashMap<>();
        for (CredentialField field : provider.fields()) {
            Secret value = fields.get(field.name());
            if (value == null && field.defaultValue() != null && complete) {
                value = Secret.of(field.defaultValue());
            }
            if (value == null) {
                if (field.required() && complete) {
                    problems.add("field '" + field.name() + "' (" + field.label() + ") is required");
                }
                continue;
            }
            if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(value.reveal())) {
                problems.add("field '" + field.name() + "' must be one of " + String.join(", ", field.allowedValues()));
            }
            result.put(field.name(), value);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("%s", String.join("; ", problems));
        }
        return result;
    }

    private static Map<String, String> seedPlan(Provider provider, Map<String, Secret> fields) {
        Map<String, String> plan = new LinkedHashMap<>();
        for (SeededSecret secret : provider.secrets()) {
            if (fields.containsKey(secret.field())) {
                plan.put(secret.name(), secret.field());
                secret.aliases().forEach(alias -> plan.put(alias, secret.field()));
            }
        }
        return plan;
    }

    private static ConnectionNotFoundException notFound(String id, Principal principal) {
        return new ConnectionNotFoundException(id, principal.user(), "any environment");
    }
}
