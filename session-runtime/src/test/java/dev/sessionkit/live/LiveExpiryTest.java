package dev.sessionkit.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.CountingConfig;
import dev.sessionkit.support.SocketClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A socket's own traffic keeps its session alive, touching it at most once per touch interval, and
 * a socket whose session expired, with no request to notice, is closed by the expiry check.
 * Sessions here live 2 s idle, touched every 500 ms at most.
 */
class LiveExpiryTest {

    private static EmbeddedServer server;
    private static CountingConfig store;

    @BeforeAll
    static void start() {
        server = LiveApp.start(Map.of(
                "test.counting", "true",
                "test.real-clock", "true",
                "session.ttl", "2s",
                "session.touch-interval", "500ms"));
        store = server.getApplicationContext().getBean(CountingConfig.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Client signIn(String user) {
        return LiveApp.signIn(server, user);
    }

    @Test
    void messagesKeepTheSessionAliveTouchingItAtMostOncePerInterval() throws Exception {
        Client ann = signIn("ann");
        try (SocketClient socket = SocketClient.open(server.getURI(), "/live/echo", "session=" + ann.cookie())) {
            socket.next();
            store.counter().reset();
            long end = System.currentTimeMillis() + 4000; // twice the idle lifetime
            int messages = 0;
            while (System.currentTimeMillis() < end) {
                assertEquals("echo " + messages, socket.ask(String.valueOf(messages)));
                messages++;
                Thread.sleep(40);
            }
            int touches = store.counter().updates.get();
            assertTrue(socket.isOpen(), "the socket's traffic kept its session alive");
            assertTrue(
                    touches >= 4 && touches <= 9,
                    messages + " messages in 4 s touched the session " + touches + " times, not once per 500 ms");
        }
        assertEquals("ann", ann.get("/t/user").body(), "and requests still find it");
    }

    @Test
    void aSilentSocketsSessionExpiresAndTheSocketCloses() throws Exception {
        Client bo = signIn("bo");
        try (SocketClient socket = SocketClient.open(server.getURI(), "/live/echo", "session=" + bo.cookie())) {
            socket.next();
            assertEquals("1008 session ended: expired", socket.closedWithin(4000));
        }
    }
}
