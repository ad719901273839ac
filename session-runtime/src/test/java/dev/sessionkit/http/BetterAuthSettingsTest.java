package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.MutableClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * better-auth's {@code expiresIn: 30 days, updateAge: 7 days} as SessionKit settings (see
 * docs/coming-from.md): the idle expiry moves forward only once a week of use, and a month
 * untouched ends the session.
 */
@MicronautTest
@Property(name = "session.ttl", value = "30d")
@Property(name = "session.touch-interval", value = "7d")
@Property(name = "session.absolute-ttl", value = "90d")
class BetterAuthSettingsTest {

    private static final String THIRTY_DAYS = "Max-Age=" + Duration.ofDays(30).toSeconds();

    @Inject
    EmbeddedServer server;

    @Inject
    MutableClock clock;

    @Test
    void theExpiryMovesOnlyAfterUpdateAgeAndAMonthUntouchedEndsIt() {
        Client browser = new Client(server.getURI(), "session");
        HttpResponse<String> created = browser.post("/t/put/user?value=alice");
        assertTrue(
                cookies(created).toString().contains(THIRTY_DAYS),
                cookies(created).toString());

        clock.advance(Duration.ofDays(6));
        HttpResponse<String> early = browser.get("/t/get/user");
        assertTrue(early.body().contains("alice"), early.body());
        assertEquals(List.of(), cookies(early), "inside updateAge nothing is written");

        clock.advance(Duration.ofDays(2)); // day 8: past updateAge
        HttpResponse<String> refreshed = browser.get("/t/get/user");
        assertTrue(cookies(refreshed).toString().contains(THIRTY_DAYS), "expiry moved to day 38");

        clock.advance(Duration.ofDays(29)); // day 37: past the first 30 days, inside the moved expiry
        assertTrue(browser.get("/t/get/user").body().contains("alice"), "alive on day 37");

        clock.advance(Duration.ofDays(31)); // untouched since day 37
        assertTrue(browser.get("/t/get/user").body().contains("\"exists\":false"), "a month untouched ends it");
    }

    private static List<String> cookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie");
    }
}
