package dev.sessionkit.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.websocket.WebSocketSession;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** One open socket and the session it was opened with, as {@link LiveSockets} tracks it. */
final class LiveSocket {

    private final WebSocketSession socket;
    private final String id;
    private final @Nullable String userId;
    private final String token;
    private final AtomicLong touchedAt;
    private final AtomicReference<ScheduledFuture<?>> check = new AtomicReference<>();
    private volatile long expiresAt = Long.MAX_VALUE;

    /**
     * @param socket the socket
     * @param id its session's public id
     * @param userId its session's user, or null for a guest
     * @param token its session's signed token
     * @param openedAt when it opened: the handshake touched the session then
     */
    LiveSocket(WebSocketSession socket, String id, @Nullable String userId, String token, long openedAt) {
        this.socket = socket;
        this.id = id;
        this.userId = userId;
        this.token = token;
        this.touchedAt = new AtomicLong(openedAt);
    }

    WebSocketSession socket() {
        return socket;
    }

    String id() {
        return id;
    }

    @Nullable
    String userId() {
        return userId;
    }

    String token() {
        return token;
    }

    /** @return when the session expires, as last read */
    long expiresAt() {
        return expiresAt;
    }

    void expiresAt(long millis) {
        expiresAt = millis;
    }

    /** @return true for the one caller that may touch now: the last touch is an interval old */
    boolean touchDue(long now, long intervalMillis) {
        long last = touchedAt.get();
        return now - last >= intervalMillis && touchedAt.compareAndSet(last, now);
    }

    /** @param next the next check, replacing (and cancelling) the one before; null for none */
    void schedule(@Nullable ScheduledFuture<?> next) {
        ScheduledFuture<?> previous = check.getAndSet(next);
        if (previous != null && previous != next) {
            previous.cancel(false);
        }
    }
}
