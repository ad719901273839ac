package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.event.SessionCreatedEvent;
import dev.sessionkit.event.SessionDestroyedEvent;
import dev.sessionkit.event.SessionExpiredEvent;
import dev.sessionkit.event.SessionRegeneratedEvent;
import dev.sessionkit.support.EventLog;
import dev.sessionkit.support.MutableClock;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@MicronautTest
class SessionEventsTest {

    @Inject
    EmbeddedServer server;

    @Inject
    EventLog log;

    @Inject
    JsonMapper json;

    @Inject
    MutableClock clock;

    @Test
    void createdRegeneratedAndDestroyedArePublishedWithPublicIds() throws IOException {
        log.events.clear();
        Client browser = new Client(server.getURI(), "session");
        String first = publicId(browser.post("/t/put/user?value=alice").body());
        String second = publicId(browser.post("/t/regenerate").body());
        browser.post("/t/destroy");

        assertEquals(
                List.of(
                        new SessionCreatedEvent(first),
                        new SessionRegeneratedEvent(first, second),
                        new SessionDestroyedEvent(second)),
                log.events);
    }

    @Test
    void aSessionFoundExpiredOnLoadIsPublishedOnce() throws IOException {
        Client browser = new Client(server.getURI(), "session");
        String id = publicId(browser.post("/t/put/user?value=alice").body());
        log.events.clear();
        clock.advance(Duration.ofMinutes(31)); // past the 30-minute idle lifetime
        browser.get("/t/get/user");
        browser.get("/t/get/user");
        assertEquals(List.of(new SessionExpiredEvent(id, null, "load")), expired());
    }

    @Test
    void theMemoryStorePublishesTheSessionsItPurges() throws IOException {
        String id = publicId(new Client(server.getURI(), "session")
                .post("/t/put/user?value=alice")
                .body());
        log.events.clear();
        clock.advance(Duration.ofMinutes(31));
        new Client(server.getURI(), "session").post("/t/put/user?value=bob"); // a write purges
        assertEquals(List.of(new SessionExpiredEvent(id, null, "purge")), expired());
    }

    private List<Object> expired() {
        return log.events.stream().filter(SessionExpiredEvent.class::isInstance).toList();
    }

    private String publicId(String body) throws IOException {
        return json.readValue(body, dev.sessionkit.support.SessionTestController.View.class)
                .id();
    }
}
