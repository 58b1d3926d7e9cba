package dev.keyway.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleTextTest {

    @Test
    void ordinaryTextInAnyScriptFits() {
        for (String text : new String[] {"Slack - Engineering", "Çağrı Özgür", "שלום עולם", "東京 🔑 ok", "a\u200Fb"}) {
            assertThat(VisibleText.firstUnfit(text, false)).as(text).isEmpty();
        }
        assertThat(VisibleText.firstUnfit("two\nlines\tand a tab", true)).isEmpty();
    }

    @Test
    void namesTheFirstCharacterThatDoesNotFit() {
        assertThat(VisibleText.firstUnfit("a\u0000b", false)).hasValue("U+0000 (a control character)");
        assertThat(VisibleText.firstUnfit("\u001b[31mred", true)).hasValue("U+001B (a control character)");
        assertThat(VisibleText.firstUnfit("two\nlines", false)).hasValue("U+000A (a control character)");
        assertThat(VisibleText.firstUnfit("abc\u202Egpj.exe", false)).hasValueSatisfying(d -> assertThat(d).startsWith("U+202E"));
        assertThat(VisibleText.firstUnfit("x\u2066y", false)).hasValueSatisfying(d -> assertThat(d).startsWith("U+2066"));
        assertThat(VisibleText.firstUnfit("x\uD800", false)).hasValue("U+D800 (half of a surrogate pair)");
    }

    @Test
    void findsSurrogatesWithoutTheirPartner() {
        assertThat(VisibleText.unpairedSurrogate("🔑 paired")).isEqualTo(-1);
        assertThat(VisibleText.unpairedSurrogate("ab\uD800")).isEqualTo(2);
        assertThat(VisibleText.unpairedSurrogate("\uDFFFab")).isZero();
        assertThat(VisibleText.unpairedSurrogate("a\uDC00\uD83D")).isEqualTo(1);
    }

    @Test
    void escapesWhatDoesNotFitAndKeepsTheRest() {
        assertThat(VisibleText.escaped("ok 🔑\u0000\u202E\uD800")).isEqualTo("ok 🔑\\u0000\\u202e\\ud800");
    }
}
