package dev.keyway.engine.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}, installed by {@code .ci/run} with apt-get) driven
 * through Debian's chromedriver. Both paths are given, so Selenium never runs Selenium Manager and
 * never downloads a browser or a driver. Keeps every API answer the page received, read back from
 * the browser itself, so tests can look for secrets in them.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final List<String> responses = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();

    /** Held, so the setting is not garbage-collected away with its logger. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    HeadlessChromium(Path profile, Path driverLog) {
        // Selenium warns that it has no CDP bindings for this Chromium; none are used (the raw
        // executeCdpCommand needs none), so the warning is noise in the build log.
        CDP_LOG.setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // The flags this machine needs: no sandbox as root, and no background calls to Google's
        // hosts, which the closed network refuses.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    ChromeDriver driver() {
        return driver;
    }

    WebElement waitVisible(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        // The page re-renders its list after each change; an element caught mid-render is asked again.
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** Saves a screenshot of the viewport and returns its path. */
    Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * Reads the body of every response to the page's own requests since the last call, from the
     * browser's network log (the bytes the page really got, not a second request).
     */
    List<String> drainResponses() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if (!message.path("method").asText().equals("Network.loadingFinished")) {
                    continue;
                }
                String requestId = message.path("params").path("requestId").asText();
                Map<String, Object> body = driver.executeCdpCommand("Network.getResponseBody", Map.of("requestId", requestId));
                Object text = body.get("body");
                responses.add(Boolean.TRUE.equals(body.get("base64Encoded"))
                        ? new String(java.util.Base64.getDecoder().decode(String.valueOf(text)), java.nio.charset.StandardCharsets.UTF_8)
                        : String.valueOf(text));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (org.openqa.selenium.WebDriverException e) {
                // A response without a body (204, a redirect, a preflight) has nothing to read.
                if (!String.valueOf(e.getMessage()).contains("No resource with given identifier")
                        && !String.valueOf(e.getMessage()).contains("No data found")) {
                    throw e;
                }
            }
        }
        return List.copyOf(responses);
    }

    /** The console's warnings and errors since the last call, e.g. CSP violations. */
    List<String> drainConsoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        return List.copyOf(consoleErrors);
    }

    @Override
    public void close() {
        driver.quit();
    }

    static boolean available() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

}
