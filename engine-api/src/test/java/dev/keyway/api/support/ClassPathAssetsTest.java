package dev.keyway.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.WebAsset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClassPathAssetsTest {

    private final ClassPathAssets assets = new ClassPathAssets(getClass().getClassLoader(), "web/demo");

    @Test
    void theEmptyPathIsTheIndexPage() {
        WebAsset index = assets.asset("").orElseThrow();
        assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(index.bytes(), StandardCharsets.UTF_8)).contains("<h1>demo</h1>");
    }

    @Test
    void filesGetTheirContentType() {
        assertThat(assets.asset("app.css").orElseThrow().contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(WebAsset.contentTypeOf("app.JS")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(WebAsset.contentTypeOf("README")).isEqualTo("application/octet-stream");
    }

    @Test
    void nothingOutsideTheFolderIsReachable() {
        assertThat(assets.asset("missing.js")).isEmpty();
        assertThat(assets.asset("../demo/index.html")).isEmpty();
        assertThat(assets.asset("/web/demo/index.html")).isEmpty();
        assertThat(assets.asset("sub/")).isEmpty();
    }
}
