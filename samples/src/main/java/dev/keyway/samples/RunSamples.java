package dev.keyway.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code java -jar samples/target/keyway-samples.jar}: runs the sample patterns end to end with
 * the built distribution, an embedded store in a fresh KEYWAY_HOME, and a loopback emulation of
 * GitHub, Slack, Jira and Vault. Prints each pattern's outputs (secrets masked) and exits 0 when every
 * pattern behaved as expected.
 */
public final class RunSamples {

    private RunSamples() {
    }

    public static void main(String[] args) throws IOException {
        Path distribution = Path.of(option(args, "--distribution", "sample-engine/target/keyway"));
        Path patterns = Path.of(option(args, "--patterns", "patterns"));
        String keep = option(args, "--home", null);
        if (!Files.isRegularFile(distribution.resolve("bin/keyway"))) {
            System.err.println("No distribution at " + distribution + "; build it first: ./mvnw -B -q package -DskipTests");
            System.exit(2);
        }
        Path home = keep != null ? Path.of(keep) : Files.createTempDirectory("keyway-samples-");
        ProviderEmulator.Credentials credentials = SampleRun.demoCredentials();
        boolean ok;
        try (ProviderEmulator emulator = new ProviderEmulator(credentials)) {
            System.out.println("Provider emulator (GitHub, Slack, Jira, Vault) on http://" + emulator.hostAndPort());
            ok = new SampleRun(distribution, patterns, home, System.out).run(emulator, credentials).allAsExpected();
        } finally {
            if (keep == null) {
                delete(home);
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
