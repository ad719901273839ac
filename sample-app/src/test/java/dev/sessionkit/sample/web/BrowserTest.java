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
        File chromium = found.get().browser();
        File driver = found.get().driver();
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
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
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver)
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (java.util.stream.Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                // already gone
            }
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
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("sessionkit.write-docs")) {
            Path docs = Path.of("..", "docs", "images");
            Files.createDirectories(docs);
            Files.copy(file.toPath(), docs.resolve("shop-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
