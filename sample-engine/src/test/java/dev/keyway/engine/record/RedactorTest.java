package dev.keyway.engine.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String CANARY = "s3cr3t/with+odd chars\"&=é";
    private final Redactor redactor = Redactor.empty().with(CANARY);

    @Test
    void masksThePlaintextAndEveryEncodedForm() {
        byte[] utf8 = CANARY.getBytes(StandardCharsets.UTF_8);
        List<String> forms = List.of(CANARY,
                Base64.getEncoder().encodeToString(utf8),
                Base64.getEncoder().withoutPadding().encodeToString(utf8),
                Base64.getUrlEncoder().encodeToString(utf8),
                Base64.getUrlEncoder().withoutPadding().encodeToString(utf8),
                URLEncoder.encode(CANARY, StandardCharsets.UTF_8),
                URLEncoder.encode(CANARY, StandardCharsets.UTF_8).replace("+", "%20"),
                "s3cr3t/with+odd chars\\\"&=é",
                "s3cr3t\\/with+odd chars\\\"&=\\u00e9",
                "s3cr3t/with+odd chars\\\"&=\\u00E9");
        for (String form : forms) {
            assertThat(redactor.scrub("before " + form + " after")).as(form).isEqualTo("before " + Secret.MASK + " after");
        }
    }

    @Test
    void mergesOverlappingMatchesAndMasksEveryOccurrence() {
        Redactor two = Redactor.empty().with("abcdef").with("defghi");

        assertThat(two.scrub("xxabcdefghiyy abcdef")).isEqualTo("xx" + Secret.MASK + "yy " + Secret.MASK);
    }

    @Test
    void shortSecretsAreMaskedOnlyAsWholeValues() {
        Redactor shortOne = Redactor.empty().with("ab");

        assertThat(shortOne.scrub("ab")).isEqualTo(Secret.MASK);
        assertThat(shortOne.scrub("a cab")).isEqualTo("a cab");
    }

    @Test
    void redactsDeepCopiesIncludingKeysSecretsAndNumbers() {
        Redactor numbers = redactor.with("123456");
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("token", Secret.of("anything"));
        value.put("key-" + CANARY, List.of("x" + CANARY, 123456, 7, true));
        value.put("nothing", null);

        Object redacted = numbers.redact(value);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("token", Secret.MASK);
        expected.put("key-" + Secret.MASK, List.of("x" + Secret.MASK, Secret.MASK, 7, true));
        expected.put("nothing", null);
        assertThat(redacted).isEqualTo(expected);
        assertThat(value.get("nothing")).isNull();
    }

    @Test
    void anEmptyRedactorChangesNothing() {
        assertThat(Redactor.empty().scrub("plain")).isEqualTo("plain");
        assertThat(Redactor.empty().redact(List.of("a", 1))).isEqualTo(List.of("a", 1));
    }

    @Test
    void textExactlyAsLongAsTheShortestSecretIsStillScrubbed() {
        Redactor two = Redactor.empty().with("abcd").with("a-much-longer-secret");
        assertThat(two.scrub("abcd")).isEqualTo(Secret.MASK);
        assertThat(two.scrub("xabcd")).isEqualTo("x" + Secret.MASK);
        assertThat(two.scrub("abc")).isEqualTo("abc");
        // Each form of every secret is at least as long as the secret, so none hides in shorter text.
        for (String plaintext : List.of("abcd", CANARY, "é€𝄞a", "a b+c")) {
            assertThat(Redactor.variantsOf(plaintext)).allSatisfy(v -> assertThat(v.length())
                    .as(v).isGreaterThanOrEqualTo(plaintext.length()));
        }
    }
}
