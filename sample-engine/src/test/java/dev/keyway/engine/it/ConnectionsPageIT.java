package dev.keyway.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.samples.ProviderEmulator;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Connections page in a real browser: Debian's headless Chromium against the built
 * distribution ({@code keyway serve} in its own process, the real plugin zip) and the loopback
 * Slack and GitHub emulation. One user's whole visit, in order: sign in, create, list, test,
 * filter, switch environment, edit tags, delete, with screenshots; and a canary API key that,
 * once saved, is nowhere in the page, its storage or any answer the browser received.
 * Skipped (not failed) where Chromium is not installed; CI installs it.
 */
class ConnectionsPageIT {

    private static final String CANARY = "xoxb-canary-" + UUID.randomUUID().toString().replace("-", "");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGET = Path.of("target");

    @TempDir
    static Path temp;

    private static ProviderEmulator emulator;
    private static KeywayProcess keyway;
    private static String base;
    private static String token;
    private static HeadlessChromium chromium;

    private static final String NO_BROWSER = "skipped: no " + HeadlessChromium.BROWSER + " or "
            + HeadlessChromium.DRIVER + "; install them with 'apt-get install -y chromium chromium-driver' "
            + "(.ci/run does) to run the browser tests";

    @BeforeAll
    static void start() throws Exception {
        if (!HeadlessChromium.available()) {
            // Said here as well: surefire's report drops the reason of a skip decided in @BeforeAll.
            System.out.println("ConnectionsPageIT " + NO_BROWSER);
            return;
        }
        emulator = new ProviderEmulator(new ProviderEmulator.Credentials("gh-not-this-one", CANARY, "a@b.c", "j", "v"));
        keyway = new KeywayProcess(Path.of(System.getProperty("keyway.distribution")), temp.resolve("home"));
        token = keyway.run("users", "add", "alice").trim();
        base = keyway.serve();
        chromium = new HeadlessChromium(temp.resolve("profile"), TARGET.resolve("chromedriver.log"));
    }

    /** Each test is reported as skipped, with the reason, where there is no browser. */
    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(HeadlessChromium.available(), NO_BROWSER);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (keyway != null) {
            keyway.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private static WebElement id(String id) {
        return chromium.driver().findElement(By.id(id));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) chromium.driver()).executeScript(script, args);
    }

    /** The names in the list, top to bottom, read in one go so a re-render cannot interleave. */
    @SuppressWarnings("unchecked")
    private static List<String> listed() {
        return (List<String>) js("return Array.from(document.querySelectorAll(\"#connection-rows td[data-label='Name']\"))"
                + ".map(td => td.textContent)");
    }

    private static WebElement row(String name) {
        return chromium.driver().findElement(By.xpath("//tbody[@id='connection-rows']/tr[td[@data-label='Name'][.='" + name + "']]"));
    }

    private static void filter(String listId, String label) {
        chromium.waitUntil("the filter " + label, () -> {
            chromium.driver().findElement(By.xpath("//ul[@id='" + listId + "']//button[.='" + label + "']")).click();
            return true;
        });
    }

    @Test
    void aUsersWholeVisit() throws Exception {
        var driver = chromium.driver();
        driver.get(base + "/");
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/connections/");

        // A wrong token is refused in plain words; then sign in.
        chromium.waitVisible(By.id("token")).sendKeys("not-a-token");
        id("signin-form").findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(chromium.waitVisible(By.id("error")).getText()).contains("API token was not accepted");
        id("token").sendKeys(token);
        id("signin-form").findElement(By.cssSelector("button[type=submit]")).click();
        chromium.waitVisible(By.id("empty"));
        assertThat(id("empty-text").getText()).contains("No connections in Development yet");
        assertThat(js("return sessionStorage.getItem('keyway.token')")).isEqualTo(token);

        // The keyboard alone: Enter opens New Connection with the focus in the search, Escape closes it.
        id("new-connection").sendKeys(Keys.ENTER);
        chromium.waitUntil("the search has the focus", () -> "provider-search".equals(js("return document.activeElement.id")));
        id("provider-search").sendKeys("slack", Keys.TAB, Keys.ENTER);
        chromium.waitUntil("the Slack form has the focus", () -> "create-display-name".equals(js("return document.activeElement.id")));
        id("create-display-name").sendKeys(Keys.ESCAPE);
        chromium.waitUntil("the dialog closed", () -> !id("create-dialog").isDisplayed());

        // Create a Slack connection through the form; the screenshot shows the filled form.
        createSlack("Slack - Ops", CANARY, "ops, chat", true);
        assertThat(id("saved-secrets").getText()).contains("SLACK_API_KEY");
        assertThat(id("saved").getText()).contains("will not be shown again");
        id("saved-done").click();
        chromium.waitUntil("the new connection is listed", () -> listed().contains("Slack - Ops"));
        WebElement slack = row("Slack - Ops");
        assertThat(slack.getText()).contains("Slack", "api key", "ACTIVE", "ops", "chat", "never");

        // A GitHub connection whose token the provider refuses: Test says NOT ACTIVE, with the reason on hover.
        createGitHub("GitHub - Personal", "ghp-wrong-token", "personal");
        id("saved-done").click();
        chromium.waitUntil("the GitHub connection is listed", () -> listed().contains("GitHub - Personal"));
        test("GitHub - Personal", "Test failed", "NOT ACTIVE");
        WebElement githubStatus = row("GitHub - Personal").findElement(By.cssSelector(".status"));
        assertThat(githubStatus.getText()).isEqualTo("NOT ACTIVE");
        assertThat(githubStatus.getAttribute("title")).isNotBlank();

        // Test the Slack one: the emulator accepts the key, the status is ACTIVE.
        test("Slack - Ops", "Test passed", "ACTIVE");

        // Replace GitHub's token with the one the provider knows: Test turns it ACTIVE.
        openEdit("GitHub - Personal");
        id("edit-field-token").sendKeys("gh-not-this-one");
        id("edit-form").findElement(By.cssSelector("button[type=submit]")).click();
        chromium.waitUntil("saved", () -> id("notice").getText().contains("Saved GitHub - Personal"));
        test("GitHub - Personal", "Test passed", "ACTIVE");
        assertThat(row("Slack - Ops").findElement(By.cssSelector(".status")).getText()).isEqualTo("ACTIVE");
        assertThat(emulator.seen()).anyMatch(s -> s.provider().equals("slack") && s.path().equals("/api/auth.test")
                && s.authenticated());

        // Filters: by provider, by tag, and back to all.
        filter("provider-filters", "Slack");
        chromium.waitUntil("only Slack", () -> listed().equals(List.of("Slack - Ops")));
        filter("provider-filters", "All");
        chromium.waitUntil("both again", () -> listed().size() == 2);
        filter("tag-filters", "personal");
        chromium.waitUntil("only the tagged one", () -> listed().equals(List.of("GitHub - Personal")));
        filter("tag-filters", "personal");
        chromium.waitUntil("both again", () -> listed().size() == 2);

        // The picker, as the HTTP Request node's inspector shows it, offers this environment's connections.
        chromium.waitUntil("the picker lists both", () -> new Select(id("picker")).getOptions().size() == 3);
        new Select(id("picker")).selectByIndex(1);
        assertThat(id("picker-value").getText()).startsWith("\"connection\": \"");

        Path list = chromium.screenshot(TARGET.resolve("connections-list.png"));
        assertScreenshot(list);

        // Another environment has its own list.
        createThroughApi("staging", "Slack - Staging");
        new Select(id("environment")).selectByValue("staging");
        chromium.waitUntil("the staging list", () -> listed().equals(List.of("Slack - Staging")));
        assertThat(id("provider-filters").getText()).doesNotContain("GitHub");
        new Select(id("environment")).selectByValue("production");
        chromium.waitVisible(By.id("empty"));
        new Select(id("environment")).selectByValue("development");
        chromium.waitUntil("development again", () -> listed().size() == 2);

        // Edit tags.
        openEdit("Slack - Ops");
        id("edit-tags").clear();
        id("edit-tags").sendKeys("ops, on-call");
        id("edit-form").findElement(By.cssSelector("button[type=submit]")).click();
        chromium.waitUntil("the new tag is shown", () -> row("Slack - Ops").getText().contains("on-call"));
        assertThat(row("Slack - Ops").getText()).doesNotContain("chat");
        assertThat(id("tag-filters").getText()).contains("on-call");

        // Nothing the browser holds or received has the key in it.
        assertCanaryNowhere();

        // A Jira connection: several fields, through the credentials endpoint.
        openCreateFor("jir", "jira");
        id("create-field-user-email").sendKeys("a@b.c");
        id("create-field-api-token").sendKeys("j");
        id("create-field-base-url").sendKeys(emulator.baseUrl("jira"));
        id("create-save").click();
        assertThat(chromium.waitVisible(By.id("saved-secrets")).getText()).contains("JIRA_API_TOKEN", "JIRA_BASE_URL");
        id("saved-done").click();
        chromium.waitUntil("the Jira connection is listed", () -> listed().contains("Jira"));
        assertThat(row("Jira").getText()).contains("credentials");
        // The README's picture (docs/connections-page.png is a copy of it).
        assertScreenshot(chromium.screenshot(TARGET.resolve("connections-page.png")));

        // At phone width everything still fits: no sideways scrolling.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        chromium.waitUntil("the narrow layout", () -> ((Number) js("return window.innerWidth")).intValue() <= 390);
        assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .isLessThanOrEqualTo(0);
        chromium.screenshot(TARGET.resolve("connections-phone.png"));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        // Delete, with a confirmation that names the patterns using it.
        putPattern("whoami", "github/GitHub - Personal");
        openEdit("GitHub - Personal");
        id("edit-delete").click();
        chromium.waitUntil("the confirmation", () -> id("confirm-text").getText().contains("Patterns that use it"));
        assertThat(id("confirm-text").getText()).contains("GitHub - Personal", "Who am I", "fail");
        id("confirm-yes").click();
        chromium.waitUntil("the deleted one is gone", () -> listed().equals(List.of("Slack - Ops", "Jira")));
        assertThat(id("notice").getText()).contains("Deleted GitHub - Personal");

        assertThat(chromium.drainConsoleErrors()).as("console warnings and errors, e.g. CSP violations")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
        assertCanaryNowhere();
    }

    @Test
    void thePageIsServedWithSecurityHeaders() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/connections/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(keyway.output()).as("serve prints where the page is").contains("Connections: " + base + "/connections/");
    }

    private static void createSlack(String name, String key, String tags, boolean screenshot) throws Exception {
        openCreateFor("sla", "slack");
        fillCommon(name, tags, emulator.baseUrl("slack") + "/api");
        id("create-field-api-key").sendKeys(key);
        if (screenshot) {
            assertScreenshot(chromium.screenshot(TARGET.resolve("connections-create.png")));
        }
        id("create-save").click();
        chromium.waitVisible(By.id("saved"));
    }

    private static void createGitHub(String name, String key, String tags) {
        openCreateFor("git", "github");
        fillCommon(name, tags, emulator.baseUrl("github"));
        id("create-field-token").sendKeys(key);
        id("create-save").click();
        chromium.waitVisible(By.id("saved"));
    }

    private static void openCreateFor(String search, String provider) {
        id("new-connection").click();
        chromium.waitVisible(By.id("provider-search")).sendKeys(search);
        chromium.waitVisible(By.cssSelector("#provider-choices button[data-provider='" + provider + "']")).click();
        chromium.waitVisible(By.id("create-display-name"));
    }

    private static void fillCommon(String name, String tags, String baseUrl) {
        id("create-display-name").clear();
        id("create-display-name").sendKeys(name);
        id("create-tags").sendKeys(tags);
        // The emulator stands in for the provider: its address goes in the form's Advanced part.
        id("create-form").findElement(By.tagName("summary")).click();
        chromium.waitVisible(By.id("create-base-url")).sendKeys(baseUrl);
        id("create-allowed-hosts").sendKeys(emulator.hostAndPort());
    }

    private static void openEdit(String name) {
        // Asked again if the list re-renders between finding the row and clicking its button.
        chromium.waitUntil("Edit on " + name, () -> {
            row(name).findElement(By.cssSelector("button.edit")).click();
            return true;
        });
        chromium.waitVisible(By.id("edit-display-name"));
    }

    private static void test(String name, String expected, String status) {
        openEdit(name);
        id("edit-test").click();
        chromium.waitUntil("the test result", () -> id("test-result").getText().contains(expected));
        id("edit-dialog").findElement(By.cssSelector("button.cancel")).click();
        chromium.waitUntil("the list shows " + status, () ->
                row(name).findElement(By.cssSelector(".status")).getText().equals(status));
    }

    private static void putPattern(String id, String connection) throws Exception {
        String pattern = JSON.writeValueAsString(Map.of("id", id, "name", "Who am I",
                "trigger", Map.of("type", "http", "path", "/whoami", "method", "POST"),
                "nodes", List.of(Map.of("id", "call", "type", "connections.http-request",
                        "properties", Map.of("method", "GET", "url", "{baseUrl}/user", "connection", connection)))));
        HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/patterns/" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(pattern)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isIn(200, 201);
    }

    private static void createThroughApi(String environment, String name) throws Exception {
        String body = JSON.writeValueAsString(Map.of("provider", "slack", "apiKey", "xoxb-staging-not-the-canary",
                "displayName", name, "baseUrl", emulator.baseUrl("slack") + "/api",
                "allowedHosts", List.of(emulator.hostAndPort())));
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/connections/api-key"))
                .header("Authorization", "Bearer " + token).header("X-Keyway-Environment", environment)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** The page, every input's value, both storages, the cookies and every answer received. */
    private static void assertCanaryNowhere() {
        var driver = chromium.driver();
        assertThat(driver.getPageSource()).doesNotContain(CANARY);
        assertThat((String) js("return document.documentElement.outerHTML")).doesNotContain(CANARY);
        assertThat((String) js("return Array.from(document.querySelectorAll('input, select, textarea'))"
                + ".map(e => e.value).join('\\n')")).doesNotContain(CANARY);
        assertThat((String) js("return JSON.stringify(Object.assign({}, sessionStorage)) + JSON.stringify("
                + "Object.assign({}, localStorage))")).doesNotContain(CANARY);
        assertThat(driver.manage().getCookies()).isEmpty();
        List<String> responses = chromium.drainResponses();
        assertThat(responses).as("answers the browser received").anyMatch(r -> r.contains("\"seedResult\""))
                .anyMatch(r -> r.contains("\"connections\"")).noneMatch(r -> r.contains(CANARY));
        assertThat(keyway.output()).doesNotContain(CANARY);
    }

    /** A PNG of the browser's viewport: the size the page itself reports, and not blank. */
    private static void assertScreenshot(Path png) throws Exception {
        assertThat(Files.size(png)).isGreaterThan(5_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a readable PNG: " + png).isNotNull();
        @SuppressWarnings("unchecked")
        List<Number> size = (List<Number>) js("return [window.innerWidth * devicePixelRatio, window.innerHeight * devicePixelRatio]");
        assertThat(image.getWidth()).isEqualTo(size.get(0).intValue()).isGreaterThanOrEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(size.get(1).intValue()).isGreaterThanOrEqualTo(600);
        int first = image.getRGB(0, 0);
        boolean varied = false;
        for (int y = 0; y < image.getHeight() && !varied; y += 7) {
            for (int x = 0; x < image.getWidth() && !varied; x += 7) {
                varied = image.getRGB(x, y) != first;
            }
        }
        assertThat(varied).as("the screenshot shows something").isTrue();
    }
}
