package dev.keyway.connections.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.WebAsset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page's files as shipped: served from the plugin's resources, and written so that the host's
 * Content-Security-Policy (default-src 'self', nothing inline) lets every part of them work.
 */
class ConnectionsPageTest {

    private final ConnectionsPage page = new ConnectionsPage();

    private String text(String path) {
        WebAsset asset = page.asset(path).orElseThrow(() -> new AssertionError("missing " + path));
        return new String(asset.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void servesTheIndexScriptAndStyles() {
        assertThat(page.mountPath()).isEqualTo("/connections");
        assertThat(page.title()).isEqualTo("Connections");
        assertThat(page.asset("").orElseThrow().contentType()).startsWith("text/html");
        assertThat(page.asset("app.js").orElseThrow().contentType()).startsWith("text/javascript");
        assertThat(page.asset("app.css").orElseThrow().contentType()).startsWith("text/css");
        assertThat(page.asset("../providers.json")).isEmpty();
    }

    @Test
    void theHtmlHasNothingInlineThatTheCspWouldBlock() {
        String html = text("index.html");
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (scripts.find()) {
            assertThat(scripts.group(1)).contains("src=");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(html).doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=", "<style", "javascript:");
    }

    @Test
    void theScriptKeepsTheTokenInSessionStorageAndNeverUsesInnerHtml() {
        String js = text("app.js");
        assertThat(js).contains("sessionStorage", "'Bearer '", "credentials: 'omit'")
                .doesNotContain("localStorage", "innerHTML", "document.cookie", "eval(");
        // Every label points at a field of the page, so screen readers and clicks reach it.
        String html = text("index.html");
        Matcher labels = Pattern.compile("<label for=\"([^\"]+)\"").matcher(html);
        while (labels.find()) {
            assertThat(html).contains("id=\"" + labels.group(1) + "\"");
        }
    }
}
