package dev.keyway.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Assertions over {@link Canary}'s disguises for tests that sweep one text or folder. */
public final class Canaries {

    private Canaries() {
    }

    /** Every disguise {@link Canary#secret} knows, by name. */
    public static Map<String, String> forms(String secret) {
        return Canary.secret("canary", secret).disguises();
    }

    /** The forms of each secret plus those of {@code user:pass} pairs (HTTP Basic). */
    public static Map<String, String> forms(List<String> secrets, List<String[]> basicPairs) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String secret : secrets) {
            forms(secret).forEach((form, value) -> all.put(secret.substring(0, Math.min(12, secret.length())) + "… " + form, value));
        }
        for (String[] pair : basicPairs) {
            Canary.basic("basic", pair[0], pair[1]).disguises().forEach((form, value) -> all.put("basic " + pair[0] + " "
                    + form, value));
        }
        return all;
    }

    public static void assertAbsent(String where, String text, Map<String, String> forms) {
        forms.forEach((form, value) -> assertThat(text).as("%s must not contain the %s form", where, form).doesNotContain(value));
    }

    /** Every regular file under {@code folder}, read as bytes (ISO-8859-1 keeps every byte), for every form. */
    public static void assertAbsentFromFiles(Path folder, Map<String, String> forms) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> all = new ArrayList<>(files.filter(Files::isRegularFile).toList());
            assertThat(all).isNotEmpty();
            for (Path file : all) {
                assertAbsent(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), forms);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
