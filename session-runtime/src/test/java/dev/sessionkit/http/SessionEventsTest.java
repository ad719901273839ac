package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.event.SessionCreatedEvent;
import dev.sessionkit.event.SessionDestroyedEvent;
import dev.sessionkit.event.SessionRegeneratedEvent;
import dev.sessionkit.support.EventLog;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
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

    private String publicId(String body) throws IOException {
        return json.readValue(body, dev.sessionkit.support.SessionTestController.View.class)
                .id();
    }
}
