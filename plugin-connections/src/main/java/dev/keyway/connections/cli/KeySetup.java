package dev.keyway.connections.cli;

import dev.keyway.api.HostContext;
import dev.keyway.connections.crypto.MasterKeySource;
import dev.keyway.connections.store.StoreOptions;
import java.util.Map;

/**
 * Where the running store's master key and database come from, worked out from the same settings
 * and environment the plugin opened the store with. Descriptions name sources, never key material.
 *
 * @param masterKey e.g. "the default master key file /home/me/.keyway/data/keyway-connections/master.key"
 * @param database  "embedded (DIR)" or "shared (connections.jdbc.url)"
 */
record KeySetup(String masterKey, String database) {

    static KeySetup of(HostContext host, Map<String, String> environment) {
        StoreOptions options = StoreOptions.fromSettings(host.dataDirectory(), host::setting, environment);
        boolean shared = host.setting(StoreOptions.SETTING_JDBC_URL).isPresent();
        return new KeySetup(MasterKeySource.select(options.masterKey()).describe(),
                shared ? "shared (" + StoreOptions.SETTING_JDBC_URL + ")"
                        : "embedded (" + host.dataDirectory().resolve("store") + ")");
    }
}
