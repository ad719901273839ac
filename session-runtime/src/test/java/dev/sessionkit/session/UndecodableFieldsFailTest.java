package dev.sessionkit.session;

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
import org.junit.jupiter.api.Test;

/** With the strict policy, an undecodable field fails the request clearly, and the request does not slide expiry. */
@MicronautTest
@Property(name = "session.schema.undecodable-fields", value = "fail")
class UndecodableFieldsFailTest {

    @Inject
    EmbeddedServer server;

    @Inject
    MutableClock clock;

    @Test
    void aFailedReadIsAClearErrorAndDoesNotExtendTheSession() {
        Client browser = UndecodableFieldsTest.seeded(server);
        String expiry = expiresAt(browser);
        clock.advance(Duration.ofMinutes(5));

        HttpResponse<String> failed = browser.get("/typed/read");
        assertEquals(500, failed.statusCode(), failed.body());
        assertTrue(failed.body().contains("cannot read"), failed.body());
        assertTrue(!failed.body().contains("EXTREME"), "the stored value is never shown: " + failed.body());

        assertEquals(expiry, expiresAt(browser), "the failed request did not slide the idle expiry");
        assertEquals(200, browser.get("/t/get/name").statusCode(), "requests that do not read it still work");
        assertTrue(!expiry.equals(expiresAt(browser)), "and they do slide it");
    }

    private static String expiresAt(Client browser) {
        return browser.get("/t/meta").body().replaceAll(".*\"expiresAt\":\"?([^\",]+)\"?.*", "$1");
    }
}
