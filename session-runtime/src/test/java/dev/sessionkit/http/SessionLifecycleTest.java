package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.CountingConfig;
import dev.sessionkit.support.CountingKvAdaptor;
import dev.sessionkit.support.MutableClock;
import dev.sessionkit.support.SessionTestController.View;
import dev.sessionkit.support.StoreScenarios;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "test.counting", value = "true")
class SessionLifecycleTest {

    @Inject
    EmbeddedServer server;

    @Inject
    MutableClock clock;

    @Inject
    CountingConfig config;

    @Inject
    JsonMapper json;

    CountingKvAdaptor store;
    Client browser;

    @BeforeEach
    void setUp() {
        store = config.counter();
        store.failing = false;
        browser = new Client(server.getURI(), "session");
    }

    @Test
    void overlappingUpdatesLoseNothing() {
        StoreScenarios.overlappingUpdatesLoseNothing(server.getURI());
    }

    @Test
    void undecodableFieldsReadAsTheirDefaults() {
        StoreScenarios.undecodableFieldsReadAsTheirDefaults(server.getURI());
    }

    @Test
    void sessionsOutsideHttp() {
        StoreScenarios.sessionsOutsideHttp(server);
    }

    @Test
    void everySessionCanBeListedByPages() {
        StoreScenarios.everySessionCanBeListedByPages(server, 7);
    }

    @Test
    void healthShowsTheStore() {
        StoreScenarios.assertStoreHealth(server.getURI(), 200, "UP");
    }

    @Test
    void signInMetadataIsBoundedAndCounted() {
        StoreScenarios.metadataIsBoundedAndCounted(server.getURI());
    }

    @Test
    void signingInAsAnotherUserStartsClean() {
        StoreScenarios.anotherUserStartsClean(server.getURI());
    }

    @Test
    void aUserHasTenSessionsByDefault() {
        StoreScenarios.aUserHasTenSessionsByDefault(server.getURI(), clock);
    }

    @Test
    void requestWithoutCookieTouchesNoStoreAndCreatesNothing() throws IOException {
        store.reset();
        HttpResponse<String> response = browser.get("/t/get/user");
        assertEquals(200, response.statusCode());
        assertFalse(view(response).exists());
        assertTrue(response.headers().allValues("Set-Cookie").isEmpty());
        assertEquals(0, store.calls());
    }

    @Test
    void createReadUpdateAndRemoveAField() throws IOException {
        HttpResponse<String> created = browser.post("/t/put/user?value=alice");
        View first = view(created);
        assertTrue(first.exists());
        assertTrue(first.isNew());
        assertEquals("alice", first.value());
        String setCookie = created.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(
                setCookie.matches(
                        "session=[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}; Max-Age=1800; Path=/; HttpOnly; SameSite=Lax"),
                setCookie);
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElseThrow());

        HttpResponse<String> read = browser.get("/t/get/user");
        assertEquals("alice", view(read).value());
        assertFalse(view(read).isNew());
        assertEquals(first.id(), view(read).id());
        assertTrue(read.headers().allValues("Set-Cookie").isEmpty(), "no Set-Cookie on a plain read");

        HttpResponse<String> updated = browser.post("/t/put/user?value=bob");
        assertEquals("bob", view(updated).value());
        assertTrue(updated.headers().allValues("Set-Cookie").isEmpty(), "no Set-Cookie inside the touch interval");
        assertEquals("bob", view(browser.get("/t/get/user")).value());

        browser.post("/t/remove/user");
        View removed = view(browser.get("/t/get/user"));
        assertTrue(removed.exists());
        assertNull(removed.value());
    }

    @Test
    void countersPersistAcrossRequests() throws IOException {
        for (int i = 1; i <= 5; i++) {
            assertEquals(Integer.toString(i), view(browser.post("/t/counter")).value());
        }
    }

    @Test
    void flashIsReadOnce() throws IOException {
        browser.post("/t/flash?message=Saved");
        assertEquals("Saved", view(browser.get("/t/flash")).value());
        assertNull(view(browser.get("/t/flash")).value());
    }

    @Test
    void regenerateIssuesANewTokenKeepsDataAndKillsTheOldOne() throws IOException {
        View before = view(browser.post("/t/put/user?value=alice"));
        String oldCookie = browser.cookie();

        HttpResponse<String> regenerated = browser.post("/t/regenerate");
        String newCookie = browser.cookie();
        assertNotEquals(oldCookie, newCookie);
        assertNotEquals(before.id(), view(regenerated).id());
        assertTrue(regenerated.headers().firstValue("Set-Cookie").isPresent());

        assertEquals("alice", view(browser.get("/t/get/user")).value());
        Client attacker = new Client(server.getURI(), "session");
        attacker.cookie(oldCookie);
        assertFalse(view(attacker.get("/t/get/user")).exists(), "the pre-regeneration token must be dead");
    }

    @Test
    void destroyDeletesServerSideAndClearsTheCookieWithTheSameAttributes() throws IOException {
        browser.post("/t/put/user?value=alice");
        String oldCookie = browser.cookie();

        HttpResponse<String> destroyed = browser.post("/t/destroy");
        assertFalse(view(destroyed).exists());
        assertEquals(
                List.of("session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax"),
                destroyed.headers().allValues("Set-Cookie"));
        assertNull(browser.cookie());

        Client replay = new Client(server.getURI(), "session");
        replay.cookie(oldCookie);
        assertFalse(view(replay.get("/t/get/user")).exists(), "a destroyed session's token must be dead");
    }

    @Test
    void idleExpiryEndsAnUntouchedSession() throws IOException {
        browser.post("/t/put/user?value=alice");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(view(browser.get("/t/get/user")).exists());
        clock.advance(Duration.ofMinutes(31));
        HttpResponse<String> expired = browser.get("/t/get/user");
        assertFalse(view(expired).exists());
        assertTrue(
                expired.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"),
                "a dead session's cookie is cleared");
    }

    @Test
    void activitySlidesTheIdleExpiryButNotTheAbsoluteOne() throws IOException {
        browser.post("/t/put/user?value=alice");
        for (int i = 0; i < 5; i++) { // 100 minutes of activity, 20 minutes apart
            clock.advance(Duration.ofMinutes(20));
            assertTrue(view(browser.get("/t/get/user")).exists(), "alive after " + (i + 1) * 20 + " min");
        }
        browser.post("/t/regenerate"); // regeneration must not restart the absolute clock
        clock.advance(Duration.ofMinutes(19));
        assertTrue(view(browser.get("/t/get/user")).exists(), "alive at 1h59");
        clock.advance(Duration.ofMinutes(2));
        assertFalse(view(browser.get("/t/get/user")).exists(), "dead past the 2h absolute lifetime");
    }

    @Test
    void theAbsoluteLifetimeCountsFromSignInNotFromTheGuestVisit() throws IOException {
        browser.post("/t/put/user?value=guest-cart");
        for (int i = 0; i < 5; i++) { // a guest shops for 100 minutes
            clock.advance(Duration.ofMinutes(20));
            browser.get("/t/get/user");
        }
        browser.post("/t/sign-in?user=alice"); // at 1h40
        for (int i = 0; i < 5; i++) { // signed in and active until 3h20
            clock.advance(Duration.ofMinutes(20));
            assertTrue(view(browser.get("/t/get/user")).exists(), "alive " + (i + 1) * 20 + " min after sign-in");
        }
        clock.advance(Duration.ofMinutes(19));
        assertTrue(view(browser.get("/t/get/user")).exists(), "alive 1h59 after sign-in");
        clock.advance(Duration.ofMinutes(2));
        assertFalse(view(browser.get("/t/get/user")).exists(), "dead 2h after sign-in");
    }

    @Test
    void aRememberedSignInLivesItsOwnIdleLifetimeWithinTheAbsoluteOne() throws IOException {
        HttpResponse<String> signedIn = browser.post("/t/sign-in-for?user=alice&remember=90m");
        assertTrue(setCookie(signedIn).contains("; Max-Age=5400;"), setCookie(signedIn));
        clock.advance(Duration.ofMinutes(60)); // twice session.ttl without a request
        HttpResponse<String> later = browser.get("/t/get/user");
        assertTrue(view(later).exists(), "alive after an hour idle");
        assertTrue(setCookie(later).contains("; Max-Age=3600;"), "renewed up to the absolute end: " + setCookie(later));
        clock.advance(Duration.ofMinutes(59));
        assertTrue(view(browser.get("/t/get/user")).exists(), "alive at 1h59");
        clock.advance(Duration.ofMinutes(2));
        assertFalse(view(browser.get("/t/get/user")).exists(), "the absolute lifetime still ends it");
    }

    @Test
    void aBrowserSessionSignInSetsACookieWithoutMaxAge() throws IOException {
        HttpResponse<String> signedIn = browser.post("/t/sign-in-for?user=alice&browser=true");
        assertFalse(setCookie(signedIn).contains("Max-Age"), setCookie(signedIn));
        clock.advance(Duration.ofMinutes(20));
        HttpResponse<String> touched = browser.get("/t/get/user");
        assertTrue(view(touched).exists());
        assertTrue(touched.headers().allValues("Set-Cookie").isEmpty(), "a touch has no Max-Age to renew");
        HttpResponse<String> regenerated = browser.post("/t/regenerate");
        assertFalse(setCookie(regenerated).contains("Max-Age"), "the choice stays: " + setCookie(regenerated));
        clock.advance(Duration.ofMinutes(31));
        assertFalse(view(browser.get("/t/get/user")).exists(), "the configured idle lifetime still applies");
    }

    @Test
    void signingInAgainWithoutAChoiceGoesBackToTheConfiguredLifetime() throws IOException {
        browser.post("/t/sign-in-for?user=alice&remember=90m");
        HttpResponse<String> again = browser.post("/t/sign-in-for?user=alice");
        assertTrue(setCookie(again).contains("; Max-Age=1800;"), setCookie(again));
        clock.advance(Duration.ofMinutes(31));
        assertFalse(view(browser.get("/t/get/user")).exists());
    }

    private static String setCookie(HttpResponse<String> response) {
        return response.headers().firstValue("Set-Cookie").orElse("(none)");
    }

    @Test
    void aReadOnlyRequestInsideTheTouchIntervalWritesNothing() throws IOException {
        browser.post("/t/put/user?value=alice");
        store.reset();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> read = browser.get("/t/get/user");
            assertTrue(read.headers().allValues("Set-Cookie").isEmpty());
        }
        assertEquals(5, store.loads.get(), "one load per request");
        assertEquals(0, store.writes(), "no writes inside the touch interval");

        clock.advance(Duration.ofSeconds(61));
        HttpResponse<String> touched = browser.get("/t/get/user");
        assertEquals(1, store.updates.get(), "one touch once the interval has passed");
        assertTrue(touched.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=1800"));
        assertEquals(6, store.loads.get());
    }

    @Test
    void excludedPathsNeverLoadTheSession() throws IOException {
        browser.post("/t/put/user?value=alice");
        store.reset();
        HttpResponse<String> asset = browser.get("/t/static/app.js");
        assertEquals(200, asset.statusCode());
        assertEquals(0, store.calls());
    }

    @Test
    void anOversizedWriteIsRefusedWithNothingWritten() throws IOException {
        browser.post("/t/put/user?value=alice");
        store.reset();
        HttpResponse<String> tooBig = browser.post("/t/big?size=5000");
        assertEquals(413, tooBig.statusCode());
        assertTrue(tooBig.body().contains("session.max-payload-bytes"), tooBig.body());
        assertEquals(0, store.writes());
        assertEquals("alice", view(browser.get("/t/get/user")).value());
        assertNull(view(browser.get("/t/get/big")).value());
    }

    @Test
    void aStoreOutageIs503ForSessionRoutesOnlyAndRecovers() throws IOException {
        browser.post("/t/put/user?value=alice");
        store.failing = true;
        try {
            HttpResponse<String> down = browser.get("/t/get/user");
            assertEquals(503, down.statusCode());
            assertTrue(down.body().contains("\"success\":false"), down.body());
            assertEquals(200, browser.get("/t/anon").statusCode(), "routes that ignore the session keep serving");
            assertEquals(200, browser.post("/t/ping").statusCode(), "writes to them too, past the CSRF check");

            Client anonymous = new Client(server.getURI(), "session");
            assertEquals(200, anonymous.get("/t/get/user").statusCode(), "no cookie, no store I/O, no failure");
            assertEquals(
                    503, anonymous.post("/t/put/user?value=x").statusCode(), "a write that cannot commit is a 503");
        } finally {
            store.failing = false;
        }
        assertEquals("alice", view(browser.get("/t/get/user")).value(), "recovers without a restart");
    }

    @Test
    void aSignedButNeverIssuedTokenIsNoSession() throws IOException {
        browser.post("/t/put/user?value=alice");
        browser.post("/t/destroy");
        assertNull(browser.cookie());
        View view = view(browser.get("/t/get/user"));
        assertFalse(view.exists());
        assertNotNull(server.getURI());
    }

    private View view(HttpResponse<String> response) throws IOException {
        assertTrue(response.statusCode() < 300, () -> response.statusCode() + " " + response.body());
        return json.readValue(response.body(), View.class);
    }
}
