package dev.sessionkit.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.event.SessionRevokedEvent;
import dev.sessionkit.session.ServerSessions;
import dev.sessionkit.support.EventLog;
import dev.sessionkit.support.MutableClock;
import dev.sessionkit.support.SocketClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A WebSocket's handlers see the session it was opened with, and the socket closes (1008, with the
 * reason) the moment that session ends: signed out, revoked from another device, destroyed by the
 * server, evicted by the per-user cap, or renewed at a sign-in.
 */
class LiveSocketsTest {

    private static final long CLOSE_WITHIN_MILLIS = 1000;

    private static EmbeddedServer server;
    private static ServerSessions sessions;

    @BeforeAll
    static void start() {
        server = LiveApp.start(Map.of("session.max-sessions-per-user", "3"));
        sessions = server.getApplicationContext().getBean(ServerSessions.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Client signIn(String user) {
        return LiveApp.signIn(server, user);
    }

    private static SocketClient socket(Client client) throws Exception {
        SocketClient socket = SocketClient.open(server.getURI(), "/live/echo", "session=" + client.cookie());
        assertTrue(socket.next().startsWith("open "));
        return socket;
    }

    private static String idOf(Client client) {
        return sessions.lookup(client.cookie())
                .toCompletableFuture()
                .join()
                .orElseThrow()
                .id();
    }

    @Test
    void handlersSeeTheSessionItsUserAndThePrincipal() throws Exception {
        Client ann = signIn("ann");
        try (SocketClient socket = SocketClient.open(server.getURI(), "/live/echo", "session=" + ann.cookie())) {
            assertEquals("open user=ann auth=ann principal=ann", socket.next());
            assertEquals("user=ann live=ann same=true", socket.ask("who"));
            LiveSockets live = server.getApplicationContext().getBean(LiveSockets.class);
            assertEquals(1, live.ofUser("ann").size());
            assertEquals(live.ofUser("ann"), live.ofSession(idOf(ann)));
        }
        String id = idOf(ann);
        long deadline = System.currentTimeMillis() + 5000;
        while (!LiveApp.Echo.CLOSED.contains(id) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(LiveApp.Echo.CLOSED.contains(id), "@OnClose took the live session");
    }

    @Test
    void aChangeToTheHandshakesSessionIsRefusedAndALiveUpdateIsCommitted() throws Exception {
        Client bo = signIn("bo");
        try (SocketClient socket = socket(bo)) {
            assertEquals(
                    "refused: This session was saved when its response was sent, so a change now would be lost."
                            + " In a WebSocket handler, change it with LiveSession.update(...); elsewhere, change it"
                            + " before the response is returned",
                    socket.ask("write"));
            assertEquals("updated true", socket.ask("update"));
            assertEquals("read from the socket", socket.ask("read"));
        }
        assertTrue(bo.get("/typed/read").body().startsWith("{\"name\":\"from the socket\""));
    }

    @Test
    void signingOutClosesTheSocket() throws Exception {
        Client cy = signIn("cy");
        try (SocketClient socket = socket(cy)) {
            cy.post("/t/destroy");
            assertEquals("1008 session ended: signed out", socket.closedWithin(CLOSE_WITHIN_MILLIS));
        }
    }

    @Test
    void endingTheSessionFromItsOwnSocketClosesIt() throws Exception {
        try (SocketClient socket = socket(signIn("di"))) {
            socket.send("end");
            assertEquals("1008 session ended: signed out", socket.closedWithin(CLOSE_WITHIN_MILLIS));
        }
    }

    @Test
    void revokingTheOtherSessionsClosesTheirSocketsOnlyAndTheEventNamesThem() throws Exception {
        Client phone = signIn("ed");
        Client laptop = signIn("ed");
        try (SocketClient onPhone = socket(phone);
                SocketClient onLaptop = socket(laptop)) {
            String phoneId = idOf(phone);
            assertEquals(200, laptop.post("/t/revoke-others").statusCode());
            assertEquals(
                    "1008 session ended: signed out from another device", onPhone.closedWithin(CLOSE_WITHIN_MILLIS));
            assertEquals("echo still here", onLaptop.ask("still here"));
            assertTrue(revocations().contains(new SessionRevokedEvent("ed", List.of(phoneId), "others")));
        }
    }

    @Test
    void destroyingItOnTheServerClosesIt() throws Exception {
        Client fay = signIn("fay");
        try (SocketClient socket = socket(fay)) {
            assertTrue(sessions.destroyById(idOf(fay)).toCompletableFuture().join());
            assertEquals("1008 session ended: signed out", socket.closedWithin(CLOSE_WITHIN_MILLIS));
        }
    }

    @Test
    void theUserCapEvictingASessionClosesItsSocket() throws Exception {
        Client first = signIn("gus");
        String firstId = idOf(first);
        try (SocketClient oldest = socket(first)) {
            MutableClock clock = server.getApplicationContext().getBean(MutableClock.class);
            clock.advance(Duration.ofSeconds(1)); // the cap ends the oldest sign-in
            signIn("gus");
            clock.advance(Duration.ofSeconds(1));
            signIn("gus");
            assertTrue(oldest.isOpen());
            clock.advance(Duration.ofSeconds(1));
            signIn("gus"); // the fourth: the cap is three
            assertEquals("1008 session ended: signed in on too many devices", oldest.closedWithin(CLOSE_WITHIN_MILLIS));
            assertTrue(revocations().contains(new SessionRevokedEvent("gus", List.of(firstId), "evicted")));
        }
    }

    @Test
    void aSignInRenewsTheGuestsSessionAndClosesItsSocket() throws Exception {
        Client guest = new Client(server.getURI(), "session");
        assertEquals(200, guest.post("/t/put/cart?value=book").statusCode());
        try (SocketClient socket = SocketClient.open(server.getURI(), "/live/echo", "session=" + guest.cookie())) {
            assertEquals("open user=null auth=null principal=null", socket.next());
            guest.post("/t/sign-in?user=hal");
            assertEquals("1008 session renewed: connect again", socket.closedWithin(CLOSE_WITHIN_MILLIS));
        }
    }

    private static List<Object> revocations() {
        return server.getApplicationContext().getBean(EventLog.class).events.stream()
                .filter(e -> e instanceof SessionRevokedEvent)
                .toList();
    }
}
