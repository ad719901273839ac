package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.MutableClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A full in-memory store ends the least recently active session and keeps serving. */
@MicronautTest
@Property(name = "session.memory.max-sessions", value = "3")
class MemoryFullTest {

    @Inject
    EmbeddedServer server;

    @Inject
    MutableClock clock;

    @Test
    void theLeastRecentlyActiveSessionMakesRoom() {
        List<Client> browsers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Client b = new Client(server.getURI(), "session");
            b.post("/t/put/user?value=u" + i);
            browsers.add(b);
            clock.advance(Duration.ofSeconds(90)); // past the touch interval: each write slides its expiry
        }
        browsers.get(0).post("/t/put/user?value=u0-again"); // the first is now the most recently active
        Client fourth = new Client(server.getURI(), "session");
        assertEquals(200, fourth.post("/t/put/user?value=u3").statusCode(), "a full store still takes sessions");

        assertTrue(browsers.get(0).get("/t/get/user").body().contains("u0-again"));
        assertTrue(
                browsers.get(1).get("/t/get/user").body().contains("\"exists\":false"), "the least active made room");
        assertTrue(browsers.get(2).get("/t/get/user").body().contains("\"value\":\"u2\""));
        assertTrue(fourth.get("/t/get/user").body().contains("\"value\":\"u3\""));
    }
}
