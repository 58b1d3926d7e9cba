package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScrubberTest {

    @Test
    void masksPlaintextsDeepInsideValues() {
        Scrubber scrubber = new Scrubber(List.of(Secret.of("tok-123"), Secret.of("Bearer tok-123")));
        Object out = scrubber.scrub(Map.of("a", List.of("x Bearer tok-123 y", 5), "tok-123", "tok-123"));
        assertThat(out).isEqualTo(Map.of("a", List.of("x ***** y", 5), "*****", "*****"));
    }

    @Test
    void veryShortValuesAreLeftAlone() {
        assertThat(new Scrubber(List.of(Secret.of("a"))).scrub("banana")).isEqualTo("banana");
    }

    @Test
    void encodedFormsAreMaskedToo() {
        String plaintext = "s3cr/t+\"q\"?=&";
        byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
        Scrubber scrubber = new Scrubber(List.of(Secret.of(plaintext)));
        List<String> encoded = List.of(
                Base64.getEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                URLEncoder.encode(plaintext, StandardCharsets.UTF_8),
                plaintext.replace("\"", "\\\"").replace("/", "\\/"),
                plaintext.replace("\"", "\\\""));
        for (String form : encoded) {
            assertThat(scrubber.scrub("before " + form + " after")).as(form).asString()
                    .startsWith("before *****").endsWith(" after").doesNotContain(form);
        }
    }
}
