package dev.keyway.connections.cli;

import dev.keyway.api.KeywayException;
import dev.keyway.api.Secret;
import dev.keyway.api.support.UsageException;
import dev.keyway.connections.crypto.Argon2id;
import dev.keyway.connections.crypto.Bytes;
import dev.keyway.connections.crypto.KdfParameters;
import dev.keyway.connections.crypto.KeyFiles;
import dev.keyway.connections.crypto.MasterKey;
import dev.keyway.connections.crypto.MasterKeySource;
import dev.keyway.connections.store.StoreOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code keys change-master}: re-wraps every data key under a new master key, through the store's
 * own {@link dev.keyway.connections.store.KeyManager#changeMasterKey}. Rows are untouched. The new
 * key is written (key file) before the store switches, so a failure leaves the old key in charge
 * and at worst an unused file; no key material is ever printed.
 */
final class MasterKeyAction implements Action {

    private static final String KEY_FILE_ENV = "KEYWAY_CONNECTIONS_MASTER_KEY_FILE";

    @Override
    public String name() {
        return "change-master";
    }

    @Override
    public String summary() {
        return "re-wrap the data keys under a new master key (key file or passphrase)";
    }

    @Override
    public Set<String> valued() {
        return Set.of("new-key-file");
    }

    @Override
    public Set<String> flags() {
        return Set.of("new-passphrase");
    }

    @Override
    public String help() {
        return """
                Usage: keyway keys change-master --new-key-file PATH
                       keyway keys change-master --new-passphrase

                Replaces the master key that wraps the data keys, in one transaction; connections are not
                re-encrypted. Afterwards the old master key no longer opens the store: configure the new one
                before the next start (the command prints how). Keep the old key until you have checked
                that a restart works.

                Options:
                  --new-key-file PATH   generate a random key into PATH (created owner-only; must not exist)
                  --new-passphrase      prompt (twice, without echo) for a passphrase, stretched with Argon2id

                Examples:
                  keyway keys change-master --new-key-file /etc/keyway/master-2026.key
                  keyway keys change-master --new-passphrase""";
    }

    @Override
    public int run(Invocation invocation) {
        invocation.positionals();
        Path file = invocation.args().option("new-key-file").map(Path::of).orElse(null);
        boolean passphrase = invocation.args().flag("new-passphrase");
        if ((file == null) == !passphrase) {
            throw new UsageException("give exactly one of --new-key-file PATH or --new-passphrase");
        }
        try (MasterKey key = file != null ? newKeyFile(file) : fromPassphrase(invocation)) {
            invocation.runtime().get().store().keys().changeMasterKey(key);
        }
        report(invocation, file);
        return Invocation.OK;
    }

    private static MasterKey newKeyFile(Path file) {
        MasterKey key = MasterKey.generate(new MasterKeySource.KeyFile(file).describe());
        try {
            KeyFiles.create(file, key);
            return key;
        } catch (RuntimeException e) {
            key.destroy();
            throw e;
        }
    }

    private static MasterKey fromPassphrase(Invocation invocation) {
        Secret first = invocation.context().readSecret("New master passphrase");
        Secret second = invocation.context().readSecret("Repeat the new master passphrase");
        try {
            if (!first.equals(second)) {
                throw new KeywayException("the two passphrases differ; nothing was changed");
            }
            char[] chars = first.reveal().toCharArray();
            try {
                KdfParameters params = KdfParameters.owaspWithFreshSalt();
                return MasterKey.consume(Argon2id.derive(chars, params),
                        new MasterKeySource.Passphrase(chars).describe(), params);
            } finally {
                Bytes.wipe(chars);
            }
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    private static void report(Invocation invocation, Path file) {
        String next = file != null
                ? "Before the next start, set connections.master-key-file=" + file.toAbsolutePath() + " (or "
                        + KEY_FILE_ENV + "), or move the file over the default master.key, and unset "
                        + MasterKeySource.ENV_VARIABLE + " and " + StoreOptions.ENV_PASSPHRASE + " if set."
                : "Before the next start, set " + StoreOptions.ENV_PASSPHRASE + " to the new passphrase, unset "
                        + MasterKeySource.ENV_VARIABLE + " and connections.master-key-file if set, and move the "
                        + "default master.key aside.";
        if (invocation.json()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("changed", true);
            view.put("newSource", file != null ? "keyFile" : "passphrase");
            view.put("keyFile", file == null ? null : file.toAbsolutePath().toString());
            view.put("next", next);
            invocation.out().println(Json.write(view));
            return;
        }
        PrintWriter out = invocation.out();
        out.println("The data keys are now wrapped by the new master key"
                + (file != null ? " in " + file.toAbsolutePath() : " from the passphrase") + ".");
        out.println(next);
        out.println("The old master key no longer opens the store; keep it until a restart has worked.");
    }
}
