package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.session.SessionDetails;
import dev.sessionkit.support.MutableClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A session's metadata (authsessions' meta): who, from where, on what device, and its clocks. */
@MicronautTest
@Property(name = "session.trusted-proxies", value = "127.0.0.1,::1")
class SessionDetailsTest {

    private static final String CHROME_ON_LINUX =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Inject
    EmbeddedServer server;

    @Inject
    MutableClock clock;

    @Inject
    JsonMapper json;

    @Test
    void aSignedInSessionTellsWhoWhereWhatDeviceAndWhen() throws IOException {
        Client browser = new Client(server.getURI(), "session");
        assertEquals("", browser.get("/t/meta").body(), "no session, no metadata");

        Instant start = clock.instant();
        browser.request(
                "POST",
                "/t/sign-in?user=alice&label=laptop",
                "X-Forwarded-For",
                "10.1.2.3",
                "User-Agent",
                CHROME_ON_LINUX);
        clock.advance(Duration.ofMinutes(5));
        SessionDetails meta = json.readValue(browser.get("/t/meta").body(), SessionDetails.class);

        assertEquals(browser.cookie().substring(0, 43).length(), meta.id().length());
        assertEquals("alice", meta.userId());
        assertEquals("laptop", meta.label());
        assertEquals("10.1.2.3", meta.ip());
        assertEquals(CHROME_ON_LINUX, meta.userAgent());
        assertEquals("Chrome 131 on Linux", meta.device());
        assertEquals(start, meta.createdAt());
        assertEquals(start, meta.lastSeenAt());
        assertEquals(start.plus(Duration.ofMinutes(30)), meta.expiresAt(), "idle: 30 minutes in the tests");
        assertEquals(start.plus(Duration.ofHours(2)), meta.absoluteExpiresAt(), "absolute: 2 hours");
        assertTrue(meta.expiresAt().isBefore(meta.absoluteExpiresAt()));
        assertEquals(start, meta.signedInAt());
        assertEquals(null, meta.signInMeta(), "no application facts were given");
    }

    @Test
    void theApplicationsOwnSignInFactsAreKeptTypedAndBounded() throws IOException {
        Client browser = new Client(server.getURI(), "session");
        assertEquals(204, browser.get("/t/plan").statusCode(), "no sign-in, no facts");
        browser.post("/t/put/cart?value=tea"); // a guest first: signedInAt is the sign-in, not the visit
        clock.advance(Duration.ofMinutes(3));
        Instant signIn = clock.instant();
        browser.post("/t/sign-in-with-plan?user=alice&plan=gold&seats=5");
        assertEquals("{\"plan\":\"gold\",\"seats\":5}", browser.get("/t/plan").body());
        SessionDetails meta = json.readValue(browser.get("/t/meta").body(), SessionDetails.class);
        assertEquals(signIn, meta.signedInAt());
        assertTrue(meta.createdAt().isBefore(signIn));
        assertTrue(browser.get("/t/sessions-json").body().contains("\"signedInAt\":"), "listings carry it too");

        Client greedy = new Client(server.getURI(), "session");
        assertEquals(
                413,
                greedy.post("/t/sign-in-with-plan?user=bob&seats=1&plan=" + "x".repeat(1100))
                        .statusCode(),
                "sign-in facts are bounded like the rest of the metadata");
    }
}
