package dev.sessionkit.sample.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A person's visit in Debian's Chromium, driven by chromium-driver: sign in, see the account,
 * add to the cart, reload, sign out, be refused the account. Screenshots land in
 * target/screenshots. Chromium is installed by .ci/run; without it this test fails, saying so.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "shop.bcrypt-cost", value = "4")
class BrowserTest implements TestPropertyProvider {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @Inject
    EmbeddedServer server;

    private WebDriver browser;

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
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
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
    }

    @Test
    void signInShopReloadSignOutAndBeRefused() throws Exception {
        String base = "http://127.0.0.1:" + server.getPort();
        browser.get(base + "/sign-in");
        browser.findElement(By.id("password")).sendKeys("demo-password");
        browser.findElement(By.id("label")).clear();
        browser.findElement(By.id("label")).sendKeys("chromium");
        browser.findElement(By.id("sign-in")).click();
        arriveAt(base + "/account");
        assertTrue(browser.findElement(By.id("flash")).getText().contains("Welcome back, Demo Shopper"));
        assertTrue(browser.findElement(By.id("sessions")).getText().contains("chromium (this one)"));
        shot("1-account");

        browser.get(base + "/");
        browser.findElement(By.id("add-mug")).click();
        arriveAt(base + "/account");
        assertTrue(browser.findElement(By.id("cart")).getText().contains("1 × Stoneware mug"));
        browser.navigate().refresh();
        assertTrue(
                browser.findElement(By.id("cart")).getText().contains("1 × Stoneware mug"),
                "the cart survives a reload");
        shot("2-cart");

        browser.findElement(By.id("sign-out")).click();
        arriveAt(base + "/");
        assertTrue(browser.findElement(By.id("flash")).getText().contains("You are signed out"));
        shot("3-signed-out");

        browser.get(base + "/account");
        arriveAt(base + "/sign-in");
        assertTrue(browser.findElement(By.id("flash")).getText().contains("Please sign in"));
        shot("4-refused");
    }

    /** A click's navigation completes on its own time; wait for it (bounded) before looking. */
    private void arriveAt(String url) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    private void shot(String name) throws Exception {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
