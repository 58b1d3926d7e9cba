package dev.keyway.connections.store;

import dev.keyway.connections.ConnectionType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller supplies to create a connection. Build it with {@link #builder}.
 *
 * @param provider     e.g. jira
 * @param displayName  label; defaults to the provider
 * @param type         how it authenticates
 * @param environment  the environment it serves
 * @param scopes       OAuth scopes
 * @param tags         tags
 * @param baseUrl      base URL or null
 * @param allowedHosts hosts that may receive the credentials
 * @param credentials  the secret fields
 * @param status       initial status (active unless the caller tested it and it failed)
 */
public record NewConnection(String provider, String displayName, ConnectionType type, String environment,
                            List<String> scopes, Set<String> tags, String baseUrl, List<String> allowedHosts,
                            Credentials credentials, ConnectionStatus status) {

    public NewConnection {
        provider = Names.require("provider", provider);
        environment = Names.require("environment", environment);
        displayName = displayName == null || displayName.isBlank() ? provider : displayName.strip();
        Objects.requireNonNull(type, "type");
        if (credentials == null) {
            throw new InvalidRequestException("a %s connection needs credentials", provider);
        }
        scopes = List.copyOf(scopes);
        tags = Set.copyOf(tags);
        allowedHosts = List.copyOf(allowedHosts);
        status = status == null ? ConnectionStatus.active() : status;
    }

    /** Starts a builder with the required parts. */
    public static Builder builder(String provider, ConnectionType type, String environment, Credentials credentials) {
        return new Builder(provider, type, environment, credentials);
    }

    /** Collects the optional parts. */
    public static final class Builder {
        private final String provider;
        private final ConnectionType type;
        private final String environment;
        private final Credentials credentials;
        private String displayName;
        private final List<String> scopes = new ArrayList<>();
        private final Set<String> tags = new LinkedHashSet<>();
        private String baseUrl;
        private final List<String> allowedHosts = new ArrayList<>();
        private ConnectionStatus status;

        private Builder(String provider, ConnectionType type, String environment, Credentials credentials) {
            this.provider = provider;
            this.type = type;
            this.environment = environment;
            this.credentials = credentials;
        }

        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        public Builder scopes(List<String> values) {
            scopes.addAll(values);
            return this;
        }

        public Builder tags(Set<String> values) {
            tags.addAll(values);
            return this;
        }

        public Builder baseUrl(String value) {
            this.baseUrl = value;
            return this;
        }

        public Builder allowedHosts(List<String> values) {
            allowedHosts.addAll(values);
            return this;
        }

        public Builder status(ConnectionStatus value) {
            this.status = value;
            return this;
        }

        public NewConnection build() {
            return new NewConnection(provider, displayName, type, environment, scopes, tags, baseUrl, allowedHosts,
                    credentials, status);
        }
    }
}
