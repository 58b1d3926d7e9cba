package dev.keyway.connections.oauth;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Gives each OAuth test a fresh {@link OAuthBench} over its own temporary folder, closed afterwards. */
abstract class OAuthTestCase {

    @TempDir
    Path data;

    OAuthBench bench;

    @BeforeEach
    void openBench() {
        bench = new OAuthBench(data);
    }

    @AfterEach
    void closeBench() {
        bench.close();
    }
}
