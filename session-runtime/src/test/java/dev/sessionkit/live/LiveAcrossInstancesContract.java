package dev.sessionkit.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.event.SessionEndings;
import dev.sessionkit.session.ServerSessions;
import dev.sessionkit.support.SocketClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances on one store: a session ended on A closes its socket on B within a second. Each
 * trial signs a user in on A, opens a socket on B, ends the session on A in one of four ways
 * (sign-out request, server destroy, "sign out everywhere else" from another session, all of the
 * user's sessions) and times until B's socket has closed; the median and p99 are logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LiveAcrossInstancesContract {

    private static final Logger LOG = LoggerFactory.getLogger(LiveAcrossInstancesContract.class);
    private static final long DEADLINE_MILLIS = 1000;

    private final EmbeddedServer a;
    private final EmbeddedServer b;
    private final ServerSessions onA;

    /** @return what puts both instances on the store under test */
    abstract Map<String, String> storeProperties();

    /** @return how many trials to time */
    abstract int trials();

    LiveAcrossInstancesContract() {
        Map<String, Object> properties = new HashMap<>(storeProperties());
        properties.put("spec.name", LiveApp.SPEC);
        properties.put("session.middlewares", "session,user-bridge");
        properties.put("session.secret", "an-equal-secret-for-both-instances-of-the-test-0123456789");
        a = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        b = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        onA = a.getApplicationContext().getBean(ServerSessions.class);
    }

    @AfterAll
    void stop() {
        a.close();
        b.close();
    }

    @Test
    void aSessionEndedOnOneInstanceClosesItsSocketOnTheOtherWithinASecond() throws Exception {
        assertTrue(b.getApplicationContext().getBean(SessionEndings.class).isConnected());
        List<Long> micros = new ArrayList<>();
        for (int trial = 0; trial < trials(); trial++) {
            String user = "user-" + trial;
            Client browser = new Client(a.getURI(), "session");
            assertEquals(200, browser.post("/t/sign-in?user=" + user).statusCode());
            try (SocketClient socket = SocketClient.open(b.getURI(), "/live/echo", "session=" + browser.cookie())) {
                socket.next();
                Client other = trial % 4 == 2 ? signedIn(user) : null;
                long start = System.nanoTime();
                String expected = end(trial % 4, browser, other, user);
                assertEquals(expected, socket.closedWithin(DEADLINE_MILLIS), "trial " + trial);
                micros.add((socket.closedAtNanos() - start) / 1000);
            }
        }
        Collections.sort(micros);
        long median = micros.get(micros.size() / 2);
        long p99 = micros.get((int) Math.ceil(micros.size() * 0.99) - 1);
        LOG.info(
                "{}: {} sessions ended on A closed their sockets on B: median {} µs, p99 {} µs, longest {} µs",
                getClass().getSimpleName(),
                micros.size(),
                median,
                p99,
                micros.get(micros.size() - 1));
    }

    private Client signedIn(String user) {
        Client client = new Client(a.getURI(), "session");
        assertEquals(200, client.post("/t/sign-in?user=" + user).statusCode());
        return client;
    }

    /** Ends the browser's session on A; returns how B's socket must close. */
    private String end(int way, Client browser, Client other, String user) {
        switch (way) {
            case 0 -> {
                assertEquals(200, browser.post("/t/destroy").statusCode());
                return "1008 session ended: signed out";
            }
            case 1 -> {
                assertTrue(onA.destroy(browser.cookie()).toCompletableFuture().join());
                return "1008 session ended: signed out";
            }
            case 2 -> {
                assertEquals(200, other.post("/t/revoke-others").statusCode());
                return "1008 session ended: signed out from another device";
            }
            default -> {
                assertEquals(
                        1, onA.destroyAllForUser(user).toCompletableFuture().join());
                return "1008 session ended: signed out from another device";
            }
        }
    }
}
