package dev.sessionkit.live;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.event.SessionEndings;
import dev.sessionkit.session.ServerSessions;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionDetails;
import dev.sessionkit.session.SessionManager;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.event.WebSocketMessageProcessedEvent;
import io.micronaut.websocket.event.WebSocketSessionClosedEvent;
import io.micronaut.websocket.event.WebSocketSessionOpenEvent;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open WebSockets of this instance, by the session each was opened with. A socket closes with
 * code 1008 and the reason when its session ends here or on any instance sharing the store
 * (through {@link SessionEndings}), and when its session is found expired; the client's messages
 * keep the session alive, written at most once per {@code session.touch-interval}. Applications
 * find a session's or a user's sockets here to push to them.
 */
@Context
@Requires(classes = WebSocketSession.class)
public final class LiveSockets implements SessionEndings.Listener {

    /** The socket attribute holding the handshake request, put there by {@link HandshakeHandover}. */
    static final String HANDSHAKE = "dev.sessionkit.handshake";

    /** How long a socket whose session is found gone waits for the ending's own reason. */
    private static final Duration WORD_OF_ENDING = Duration.ofMillis(500);

    private final SessionManager manager;
    private final ServerSessions sessions;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final long touchMillis;
    private final Duration retry;
    private final Map<WebSocketSession, LiveSocket> bySocket = new ConcurrentHashMap<>();
    private final Map<String, Set<LiveSocket>> bySession = new ConcurrentHashMap<>();
    private final Map<String, Set<LiveSocket>> byUser = new ConcurrentHashMap<>();

    LiveSockets(
            BeanContext context,
            SessionEndings endings,
            SessionManager manager,
            ServerSessions sessions,
            SessionSettings settings,
            Clock clock,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.manager = manager;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.clock = clock;
        this.touchMillis = settings.values().touchInterval().toMillis();
        this.retry = settings.values().storeTimeout().plusSeconds(1);
        if (AppHasSockets.check(context)) {
            endings.listen(this);
        }
    }

    /** @return how many open sockets have a session */
    public int size() {
        return bySocket.size();
    }

    /**
     * @param id a session's public id
     * @return this instance's open sockets opened with that session
     */
    public @NonNull List<WebSocketSession> ofSession(@NonNull String id) {
        return sockets(bySession, id);
    }

    /**
     * @param userId a user
     * @return this instance's open sockets opened with any of that user's sessions
     */
    public @NonNull List<WebSocketSession> ofUser(@NonNull String userId) {
        return sockets(byUser, userId);
    }

    @EventListener
    void opened(WebSocketSessionOpenEvent event) {
        WebSocketSession socket = event.getSource();
        HttpRequest<?> handshake =
                socket.getAttributes().get(HANDSHAKE, HttpRequest.class).orElse(null);
        Session session = handshake == null ? null : manager.peek(handshake);
        String token = session == null ? null : manager.signedToken(session);
        if (token == null) {
            return; // no session to end: a visitor's socket
        }
        LiveSocket live = new LiveSocket(socket, session.id(), session.userId(), token, clock.millis());
        session.meta().ifPresent(details -> live.expiresAt(details.expiresAt().toEpochMilli()));
        bySocket.put(socket, live);
        add(bySession, live.id(), live);
        if (live.userId() != null) {
            add(byUser, live.userId(), live);
        }
        check(live); // a session ended while the socket opened is caught here
    }

    @EventListener
    void closed(WebSocketSessionClosedEvent event) {
        LiveSocket live = bySocket.remove(event.getSource());
        if (live != null) {
            forget(live);
        }
    }

    @EventListener
    void received(WebSocketMessageProcessedEvent<?> event) {
        LiveSocket live = bySocket.get(event.getSource());
        long now = clock.millis();
        if (live == null || !live.touchDue(now, touchMillis)) {
            return;
        }
        sessions.touch(live.token()).whenComplete((details, error) -> settle(live, details, error));
    }

    @Override
    public void ended(@NonNull Collection<String> ids, SessionEndings.@NonNull Reason reason) {
        for (String id : ids) {
            Set<LiveSocket> sockets = bySession.remove(id);
            if (sockets != null) {
                sockets.forEach(live -> close(live, reason));
            }
        }
    }

    /** Reads the session without touching it: closes the socket if it ended, else looks again at its expiry. */
    private void check(LiveSocket live) {
        sessions.lookup(live.token()).whenComplete((details, error) -> settle(live, details, error));
    }

    private void settle(LiveSocket live, @Nullable Optional<SessionDetails> details, @Nullable Throwable error) {
        if (!live.socket().isOpen()) {
            return;
        }
        if (error != null) {
            live.schedule(scheduler.schedule(retry, () -> check(live))); // the store is down: the session may live
        } else if (details == null || details.isEmpty()) {
            if (clock.millis() >= live.expiresAt()) {
                close(live, SessionEndings.Reason.EXPIRED);
            } else { // ended elsewhere: the word of how is on its way
                live.schedule(scheduler.schedule(WORD_OF_ENDING, () -> close(live, SessionEndings.Reason.GONE)));
            }
        } else {
            live.expiresAt(details.get().expiresAt().toEpochMilli());
            long wait = Math.max(0, live.expiresAt() - clock.millis()) + 20;
            live.schedule(scheduler.schedule(Duration.ofMillis(wait), () -> check(live)));
        }
    }

    private void close(LiveSocket live, SessionEndings.Reason reason) {
        bySocket.remove(live.socket());
        forget(live);
        if (live.socket().isOpen()) {
            live.socket().close(new CloseReason(CloseReason.POLICY_VIOLATION.getCode(), reason.text()));
        }
    }

    private void forget(LiveSocket live) {
        live.schedule(null);
        remove(bySession, live.id(), live);
        if (live.userId() != null) {
            remove(byUser, live.userId(), live);
        }
    }

    private static List<WebSocketSession> sockets(Map<String, Set<LiveSocket>> index, String key) {
        Set<LiveSocket> sockets = index.get(key);
        return sockets == null
                ? List.of()
                : sockets.stream().map(LiveSocket::socket).toList();
    }

    private static void add(Map<String, Set<LiveSocket>> index, String key, LiveSocket live) {
        index.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(live);
    }

    private static void remove(Map<String, Set<LiveSocket>> index, String key, LiveSocket live) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(live);
            return set.isEmpty() ? null : set;
        });
    }
}
