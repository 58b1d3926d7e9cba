package dev.keyway.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.ApiException;
import dev.keyway.api.ApiResponse;
import dev.keyway.api.WebAsset;
import dev.keyway.api.WebAssets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebPagesTest {

    /** A page with one file besides its index, recording the paths it was asked for. */
    private static WebAssets page(String mount, String title) {
        return new WebAssets() {
            @Override
            public String mountPath() {
                return mount;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public Optional<WebAsset> asset(String path) {
                return switch (path) {
                    case "" -> Optional.of(new WebAsset("text/html; charset=utf-8", "<p>index</p>".getBytes(StandardCharsets.UTF_8)));
                    case "js/app.js" -> Optional.of(new WebAsset("text/javascript; charset=utf-8", new byte[] {1}));
                    default -> Optional.empty();
                };
            }
        };
    }

    private static WebPages.Page mounted(String mount, String title) {
        return new WebPages.Page("demo", mount, title, WebPagesTest.class.getClassLoader(), page(mount, title));
    }

    private static ApiResponse get(WebPages pages, String path) {
        return pages.handle("GET", path, null).orElseThrow();
    }

    @Test
    void servesFilesWithTheSecurityHeaders() {
        WebPages pages = new WebPages(List.of(mounted("/settings", "Settings")));
        ApiResponse index = get(pages, "/settings/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(new String((byte[]) index.body(), StandardCharsets.UTF_8)).isEqualTo("<p>index</p>");
        assertThat(index.headers()).containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("X-Frame-Options", "DENY").containsEntry("Referrer-Policy", "no-referrer");
        assertThat(index.headers().get("Content-Security-Policy")).startsWith("default-src 'self';")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(get(pages, "/settings/js/app.js").headers()).containsEntry("Content-Type", "text/javascript; charset=utf-8");
    }

    @Test
    void theRootAndTheBareMountRedirect() {
        WebPages pages = new WebPages(List.of(mounted("/settings", "Settings")));
        assertThat(get(pages, "/").headers()).containsEntry("Location", "/settings/");
        assertThat(get(pages, "/settings").headers()).containsEntry("Location", "/settings/");
        assertThat(get(pages, "/").status()).isEqualTo(302);
    }

    @Test
    void severalPagesAreListedAtTheRoot() {
        WebPages pages = new WebPages(List.of(mounted("/one", "One <page>"), mounted("/two", "Two")));
        String html = new String((byte[]) get(pages, "/").body(), StandardCharsets.UTF_8);
        assertThat(html).contains("href=\"/one/\">One &lt;page&gt;</a>", "href=\"/two/\">Two</a>");
    }

    @Test
    void otherPathsAreLeftToTheServer() {
        WebPages none = new WebPages(List.of());
        assertThat(none.handle("GET", "/", null)).isEmpty();
        WebPages pages = new WebPages(List.of(mounted("/settings", "Settings")));
        assertThat(pages.handle("GET", "/settingsx/", null)).isEmpty();
        assertThat(pages.handle("GET", "/other", null)).isEmpty();
    }

    @Test
    void refusesTraversalUnknownFilesAndWrites() {
        WebPages pages = new WebPages(List.of(mounted("/settings", "Settings")));
        for (String path : List.of("/settings/../x", "/settings/%2e%2e/x", "/settings/a//b", "/settings/a\\b",
                "/settings/missing.js", "/settings/.hidden", "/settings/js/")) {
            assertThatThrownBy(() -> get(pages, path)).as(path).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
        }
        assertThatThrownBy(() -> pages.handle("POST", "/settings/", null)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(405));
        assertThat(pages.handle("HEAD", "/settings/", null)).isPresent();
    }

    @Test
    void badAndDuplicateMountPathsAreSkipped() {
        WebPages pages = new WebPages(List.of(mounted("/api", "x"), mounted("/hooks", "x"), mounted("/Upper", "x"),
                mounted("settings", "x"), mounted("/a/b", "x"), mounted("/ok", "first"), mounted("/ok", "second")));
        assertThat(pages.pages()).extracting(WebPages.Page::title).containsExactly("first");
        assertThat(Map.of("t", mounted("/x", null).title())).containsEntry("t", "/x");
    }
}
