package dev.sessionkit.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** The same end-to-end checks, run against every store so each proves them alike. */
public final class StoreScenarios {

    private StoreScenarios() {}

    /** Create, read, update, regenerate (the old token dies) and destroy (the last token dies). */
    public static void lifecycle(URL base) {
        Browser browser = new Browser(base, "session");
        HttpResponse<String> created = browser.post("/t/put/user?value=alice");
        assertTrue(created.body().contains("\"isNew\":true"), created.statusCode() + " " + created.body());
        assertTrue(browser.get("/t/get/user").body().contains("\"value\":\"alice\""));
        browser.post("/t/counter");
        assertTrue(browser.post("/t/counter").body().contains("\"value\":\"2\""));

        String before = browser.cookie();
        browser.post("/t/regenerate");
        assertTrue(browser.get("/t/get/user").body().contains("\"value\":\"alice\""), "data kept by regeneration");
        assertTrue(replay(base, before).get("/t/get/user").body().contains("\"exists\":false"), "old token dead");

        String last = browser.cookie();
        browser.post("/t/destroy");
        assertTrue(replay(base, last).get("/t/get/user").body().contains("\"exists\":false"), "destroyed token dead");
    }

    /**
     * With the store cut off, routes using the session answer 503 within the timeout (plus a
     * margin) and the others keep serving; once restored, the same session is back.
     */
    public static void outageAndRecovery(URL base, long storeTimeoutMs, Step cut, Step restore) throws Exception {
        Browser browser = new Browser(base, "session");
        browser.post("/t/put/user?value=alice");
        cut.run();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            HttpResponse<String> down = browser.get("/t/get/user");
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("\"success\":false"), down.body());
            assertTrue(tookMs < storeTimeoutMs + 2000, "bounded by the store timeout, took " + tookMs + " ms");
        }
        assertEquals(200, browser.get("/t/anon").statusCode(), "routes that ignore the session keep serving");
        assertEquals(200, new Browser(base, "session").get("/t/get/user").statusCode(), "no cookie, no store");

        restore.run();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        HttpResponse<String> back = browser.get("/t/get/user");
        while (back.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            back = browser.get("/t/get/user");
        }
        assertEquals(200, back.statusCode(), "recovered without a restart");
        assertTrue(back.body().contains("\"value\":\"alice\""), "the session outlived the outage: " + back.body());
    }

    /** A test step that may throw. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private static Browser replay(URL base, String cookie) {
        Browser b = new Browser(base, "session");
        b.cookie(cookie);
        return b;
    }
}
