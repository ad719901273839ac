package dev.sessionkit.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.sample.ShopTestProperties;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's whole visit in a real Chromium, driven by chromedriver: a guest fills the cart, signs
 * in and keeps it, sees a second device, signs it out, orders and signs out. Screenshots land in
 * target/screenshots. Required with {@code CI=true} (.ci/run installs Debian's chromium); elsewhere
 * without a browser it is skipped with one line.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "shop.bcrypt-cost", value = "4")
class BrowserTest implements TestPropertyProvider {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @Inject
    EmbeddedServer server;

    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    private BrowserBinaries binaries;
    private WebDriver browser;
    private Path profile;

    @Override
    public Map<String, String> getProperties() {
        return ShopTestProperties.asInMain();
    }

    @BeforeAll
    void openBrowser() throws Exception {
        Optional<BrowserBinaries> found = BrowserBinaries.find();
        String missing = "no Chromium/Chrome and chromedriver on the PATH (Debian: apt-get install chromium"
                + " chromium-driver; .ci/run installs them)";
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(found.isPresent(), "CI=true requires the browser test, but there is " + missing);
        }
        if (found.isEmpty()) {
            System.out.println("BrowserTest skipped: " + missing);
        }
        Assumptions.assumeTrue(found.isPresent(), "BrowserTest skipped: " + missing);
        binaries = found.get();
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("chromium-profile");
        browser = start(profile);
    }

    /** A Chromium of its own profile: another device, with cookies of its own. */
    private WebDriver start(Path userData) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binaries.browser());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1100,900",
                "--user-data-dir=" + userData);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(binaries.driver())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        delete(profile);
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // already gone
        }
    }

    @Test
    void aGuestShopsSignsInManagesDevicesOrdersAndSignsOut() throws Exception {
        String base = "http://127.0.0.1:" + server.getPort();
        browser.get(base + "/");
        browser.findElement(By.id("add-tea-green")).click();
        arriveAt(base + "/");
        assertTrue(text("flash").contains("Green tea, 100 g is in your cart"), text("flash"));
        browser.findElement(By.id("add-mug")).click();
        arriveAt(base + "/");
        assertEquals("2", text("cart-count"), "the badge counts a guest's cart");
        shot("1-shop");

        browser.findElement(By.id("cart-link")).click();
        arriveAt(base + "/cart");
        assertEquals(2, browser.findElements(By.cssSelector("#cart tbody tr")).size());
        assertEquals("€20.50", text("cart-total"));
        shot("2-cart");

        browser.findElement(By.id("sign-in-to-order")).click();
        arriveAt(base + "/sign-in?next=/cart");
        browser.findElement(By.id("password")).sendKeys("demo-password");
        browser.findElement(By.id("label")).sendKeys("laptop");
        browser.findElement(By.id("remember")).click();
        browser.findElement(By.id("sign-in")).click();
        arriveAt(base + "/cart");
        assertNotNull(
                browser.manage().getCookieNamed("shop_session").getExpiry(),
                "\"Keep me signed in\" gives a cookie that outlives the browser");
        assertTrue(text("flash").contains("Welcome back, Demo Shopper"), text("flash"));
        assertEquals("€20.50", text("cart-total"), "the guest's cart comes along");

        Client phone = new Client(server.getURI(), "shop_session");
        phone.postJson(
                "/api/auth/sign-in",
                "{\"email\":\"demo@example.com\",\"password\":\"demo-password\",\"label\":\"phone\"}",
                "User-Agent",
                IPHONE);
        assertEquals(200, phone.get("/api/user/me").statusCode());
        browser.findElement(By.id("account-link")).click();
        arriveAt(base + "/account");
        String devices = text("sessions");
        assertEquals(
                2, browser.findElements(By.cssSelector("#sessions tbody tr")).size(), devices);
        assertTrue(devices.contains("Safari 18 on iPhone") && devices.contains("phone"), devices);
        assertTrue(devices.contains("Chrome") && devices.contains("on Linux") && devices.contains("laptop"), devices);
        assertTrue(devices.contains("This device") && devices.contains("just now"), devices);
        shot("3-account");

        browser.findElement(By.cssSelector("#sessions tbody tr:not(.current) button"))
                .click();
        arriveAt(base + "/account");
        assertTrue(text("flash").contains("Signed out on that device"), text("flash"));
        assertEquals(
                1, browser.findElements(By.cssSelector("#sessions tbody tr")).size());
        assertEquals(401, phone.get("/api/user/me").statusCode(), "the phone is signed out on the server");

        browser.get(base + "/cart");
        browser.findElement(By.id("place-order")).click();
        arriveAt(base + "/");
        assertTrue(text("flash").contains("Thank you, Demo Shopper! Your order of 2 items (€20.50)"), text("flash"));
        assertEquals("0", text("cart-count"));
        shot("4-ordered");

        browser.findElement(By.id("sign-out")).click();
        arriveAt(base + "/");
        assertTrue(text("flash").contains("You are signed out"), text("flash"));
        browser.get(base + "/account");
        arriveAt(base + "/sign-in?next=/account");
        assertTrue(text("flash").contains("Please sign in"), text("flash"));
    }

    /**
     * Two devices of one user, each page with its live connection: the laptop's device list shows
     * the tablet's sign-in, a second tab's cart badge follows the first tab's cart, and when the
     * laptop signs the tablet out, the tablet's open page says so. No page reloads: a mark set in
     * each page's script survives.
     */
    @Test
    void twoDevicesFollowEachOtherLive() throws Exception {
        String base = "http://127.0.0.1:" + server.getPort();
        Path tabletProfile = Files.createTempDirectory("chromium-profile");
        WebDriver tablet = start(tabletProfile);
        try {
            signIn(browser, base, "laptop");
            awaitLive(browser);
            assertEquals(
                    1,
                    browser.findElements(By.cssSelector("#sessions tbody tr")).size());
            mark(browser);

            signIn(tablet, base, "tablet");
            new WebDriverWait(browser, Duration.ofSeconds(5))
                    .until(d ->
                            d.findElements(By.cssSelector("#sessions tbody tr")).size() == 2);
            assertTrue(browser.findElement(By.id("sessions")).getText().contains("tablet"));
            assertMarked(browser, "the laptop's list grew without a reload");

            String first = tablet.getWindowHandle();
            tablet.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            tablet.get(base + "/");
            awaitLive(tablet);
            mark(tablet);
            String second = tablet.getWindowHandle();
            tablet.switchTo().window(first);
            tablet.get(base + "/");
            tablet.findElement(By.id("add-kettle")).click();
            tablet.switchTo().window(second);
            new WebDriverWait(tablet, Duration.ofSeconds(5))
                    .until(d -> "1".equals(d.findElement(By.id("cart-count")).getText()));
            assertMarked(tablet, "the second tab's badge changed without a reload");

            browser.findElement(By.cssSelector("#sessions tbody tr:not(.current) button"))
                    .click();
            arriveAt(base + "/account");
            new WebDriverWait(tablet, Duration.ofSeconds(5))
                    .until(d -> d.findElement(By.id("live-status")).isDisplayed());
            assertEquals(
                    "You were signed out on this device. Sign in again to go on.",
                    tablet.findElement(By.id("live-status")).getText());
            assertMarked(tablet, "the tablet learned it without a reload");
            assertEquals(
                    1,
                    browser.findElements(By.cssSelector("#sessions tbody tr")).size());
            shot(tablet, "5-signed-out-live");
        } finally {
            tablet.quit();
            delete(tabletProfile);
        }
    }

    private void signIn(WebDriver device, String base, String label) {
        device.get(base + "/sign-in");
        device.findElement(By.id("email")).clear();
        device.findElement(By.id("email")).sendKeys("demo@example.com");
        device.findElement(By.id("password")).sendKeys("demo-password");
        device.findElement(By.id("label")).sendKeys(label);
        device.findElement(By.id("sign-in")).click();
        new WebDriverWait(device, Duration.ofSeconds(10))
                .withMessage(() -> device.getCurrentUrl() + ": "
                        + device.findElement(By.tagName("main")).getText())
                .until(ExpectedConditions.urlToBe(base + "/account"));
    }

    private static void awaitLive(WebDriver device) {
        new WebDriverWait(device, Duration.ofSeconds(10))
                .until(d -> "open".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));
    }

    private static void mark(WebDriver device) {
        ((org.openqa.selenium.JavascriptExecutor) device).executeScript("window.sameVisit = true;");
    }

    private static void assertMarked(WebDriver device, String message) {
        assertEquals(
                Boolean.TRUE,
                ((org.openqa.selenium.JavascriptExecutor) device).executeScript("return window.sameVisit === true;"),
                message);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** A click's navigation completes on its own time; wait for it (bounded) before looking. */
    private void arriveAt(String url) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    /**
     * Saves a screenshot in target/screenshots; with {@code -Dsessionkit.write-docs=true} also in
     * docs/images, where the README shows them.
     */
    private void shot(String name) throws Exception {
        shot(browser, name);
    }

    private static void shot(WebDriver device, String name) throws Exception {
        File file = ((TakesScreenshot) device).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("sessionkit.write-docs")) {
            Path docs = Path.of("..", "docs", "images");
            Files.createDirectories(docs);
            Files.copy(file.toPath(), docs.resolve("shop-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
