package dev.sessionkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.AdjustableClock;
import dev.sessionkit.conformance.Client;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sign-in and sign-up validate before any work, throttle guessing, and never reveal who is registered. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "ShopAuthLimitsTest")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "shop.bcrypt-cost", value = "4")
@Property(name = "session.trusted-proxies", value = "127.0.0.1")
class ShopAuthLimitsTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    TestClock clock;

    @Override
    public Map<String, String> getProperties() {
        return ShopTestProperties.asInMain();
    }

    private Client client() {
        return new Client(server.getURI(), "shop_session");
    }

    private static String signIn(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void oversizedOrMissingFieldsAreA400BeforeAnyWork() {
        HttpResponse<String> longPassword =
                client().postJson("/api/auth/sign-in", signIn("demo@example.com", "p".repeat(10_000)));
        assertEquals(400, longPassword.statusCode(), longPassword.body());
        assertTrue(longPassword.body().contains("password"), longPassword.body());
        assertEquals(400, client().postJson("/api/auth/sign-in", "{}").statusCode());
        assertEquals(
                400,
                client().postJson("/api/auth/sign-in", signIn("x".repeat(300) + "@example.com", "long-enough"))
                        .statusCode());
        HttpResponse<String> longLabel = client().postJson(
                        "/api/auth/sign-in",
                        "{\"email\":\"demo@example.com\",\"password\":\"demo-password\",\"label\":\"" + "l".repeat(1000)
                                + "\"}");
        assertEquals(400, longLabel.statusCode(), longLabel.body());

        String hugeName =
                "{\"email\":\"huge@example.com\",\"password\":\"long-enough\",\"name\":\"" + "n".repeat(10_000) + "\"}";
        assertEquals(400, client().postJson("/api/auth/sign-up", hugeName).statusCode());
        assertEquals(
                401,
                client().postJson("/api/auth/sign-in", signIn("huge@example.com", "long-enough"))
                        .statusCode(),
                "a refused sign-up stored no account");
        assertEquals(
                400,
                client().postJson("/api/auth/sign-up", "{\"email\":\"x@example.com\"}")
                        .statusCode());
    }

    @Test
    void signUpAnswersTheSameWhetherOrNotTheEmailIsRegistered() {
        HttpResponse<String> taken = client().postJson(
                        "/api/auth/sign-up",
                        "{\"email\":\"demo@example.com\",\"password\":\"another-password\",\"name\":\"Mallory\"}");
        HttpResponse<String> fresh = client().postJson(
                        "/api/auth/sign-up",
                        "{\"email\":\"new-user@example.com\",\"password\":\"another-password\",\"name\":\"Newton\"}");
        assertEquals(fresh.statusCode(), taken.statusCode());
        assertEquals(fresh.body(), taken.body());
        assertFalse(taken.headers().firstValue("Set-Cookie").isPresent(), "sign-up does not sign in");
        assertEquals(
                200,
                client().postJson("/api/auth/sign-in", signIn("new-user@example.com", "another-password"))
                        .statusCode());
        assertEquals(
                200,
                client().postJson("/api/auth/sign-in", signIn("demo@example.com", "demo-password"))
                        .statusCode(),
                "the existing account is untouched");
    }

    @Test
    void guessingOneAccountIsThrottledWithRetryAfterAndOthersStillSignIn() {
        String victim = "throttled-" + System.nanoTime() + "@example.com";
        client().postJson(
                        "/api/auth/sign-up",
                        "{\"email\":\"" + victim + "\",\"password\":\"right-password\",\"name\":\"V\"}");
        int throttledAt = -1;
        for (int i = 0; i < 10 && throttledAt < 0; i++) {
            HttpResponse<String> r = client().postJson("/api/auth/sign-in", signIn(victim, "wrong-guess-" + i));
            if (r.statusCode() == 429) {
                throttledAt = i;
                assertTrue(Long.parseLong(r.headers().firstValue("Retry-After").orElse("0")) > 0, "says when to retry");
            } else {
                assertEquals(401, r.statusCode());
            }
        }
        assertEquals(5, throttledAt, "five failures per account, then 429");
        assertEquals(
                429,
                client().postJson("/api/auth/sign-in", signIn(victim, "right-password"))
                        .statusCode(),
                "even the right password waits: the guesser cannot tell");
        assertEquals(
                200,
                client().postJson("/api/auth/sign-in", signIn("demo@example.com", "demo-password"))
                        .statusCode(),
                "another account from the same address still signs in");
        clock.advance(Duration.ofMinutes(16));
        assertEquals(
                200,
                client().postJson("/api/auth/sign-in", signIn(victim, "right-password"))
                        .statusCode(),
                "the lock ends with its window");
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottled() {
        clock.advance(Duration.ofMinutes(16));
        int statusAfter = 0;
        for (int i = 0; i < 25; i++) {
            statusAfter = client().postJson("/api/auth/sign-in", signIn("nobody-" + i + "@example.com", "guess-guess"))
                    .statusCode();
        }
        assertEquals(429, statusAfter, "twenty failures per address, then 429");
        clock.advance(Duration.ofMinutes(16));
    }

    @Test
    void behindATrustedProxyEachClientIsCountedOnItsOwn() {
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 25; i++) {
            client().postJson(
                            "/api/auth/sign-in",
                            signIn("nobody-" + i + "@example.com", "guess-guess"),
                            "X-Forwarded-For",
                            "203.0.113.7");
        }
        assertEquals(
                429,
                client().postJson(
                                "/api/auth/sign-in",
                                signIn("demo@example.com", "demo-password"),
                                "X-Forwarded-For",
                                "203.0.113.7")
                        .statusCode(),
                "the guessing client is throttled");
        assertEquals(
                200,
                client().postJson(
                                "/api/auth/sign-in",
                                signIn("demo@example.com", "demo-password"),
                                "X-Forwarded-For",
                                "203.0.113.8")
                        .statusCode(),
                "another client behind the same proxy is not");
        clock.advance(Duration.ofMinutes(16));
    }

    @Test
    void guessesFromElsewhereNeverLockTheOwnerOut() {
        clock.advance(Duration.ofMinutes(16));
        String owner = "owner-" + System.nanoTime() + "@example.com";
        client().postJson(
                        "/api/auth/sign-up",
                        "{\"email\":\"" + owner + "\",\"password\":\"right-password\",\"name\":\"O\"}",
                        "X-Forwarded-For",
                        "198.51.100.1");
        // An attacker guesses from many addresses, as a botnet does, for a whole window and more.
        int refusedGuesses = 0;
        for (int i = 0; i < 40; i++) {
            int status = client().postJson(
                            "/api/auth/sign-in", signIn(owner, "guess-" + i), "X-Forwarded-For", "203.0.113." + (i % 8))
                    .statusCode();
            refusedGuesses += status == 429 ? 1 : 0;
        }
        assertTrue(
                refusedGuesses >= 30, "the account is under attack: the guessers are slowed (" + refusedGuesses + ")");
        assertEquals(
                200,
                client().postJson(
                                "/api/auth/sign-in", signIn(owner, "right-password"), "X-Forwarded-For", "198.51.100.1")
                        .statusCode(),
                "the owner, from an address that never failed, signs in with the right password");
        assertEquals(
                429,
                client().postJson(
                                "/api/auth/sign-in", signIn(owner, "right-password"), "X-Forwarded-For", "203.0.113.1")
                        .statusCode(),
                "a guessing address cannot tell the right password from a wrong one");
        clock.advance(Duration.ofMinutes(16));
    }

    /** The application's clock, moved to end throttling windows. */
    @Singleton
    @Requires(property = "spec.name", value = "ShopAuthLimitsTest")
    static class TestClock extends AdjustableClock {}
}
