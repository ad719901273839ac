package dev.sessionkit.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.RedisCommandCounter;
import dev.sessionkit.testing.RedisServers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code session.redis.event-loop-connections: false}: every command goes through the shared connection. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisSharedConnectionTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    RedisCommandCounter counter;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RedisServers.storeProperties("shared"));
        properties.put("session.redis.event-loop-connections", "false");
        return properties;
    }

    @Test
    void withEventLoopConnectionsOffLettucesOwnThreadAnswersEveryCommand() throws InterruptedException {
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/user?value=alice");
        for (int i = 0; i < 10; i++) {
            counter.sent.clear();
            counter.answeredOn.clear();
            String controller = browser.get("/t/thread").body();
            for (int wait = 0; wait < 100 && counter.answeredOn.isEmpty(); wait++) {
                Thread.sleep(10);
            }
            assertEquals(List.of("HGETALL"), counter.sent, "still one command");
            assertEquals(1, counter.answeredOn.size());
            assertTrue(counter.answeredOn.get(0).contains("lettuce"), counter.answeredOn.get(0));
            assertTrue(controller.contains("eventLoop"), "and the controller still runs on the server's loop");
        }
    }
}
