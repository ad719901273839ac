package dev.sessionkit.live;

import dev.sessionkit.session.ServerSessions;
import dev.sessionkit.session.SessionAccessor;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The session a WebSocket was opened with, as its handlers use it: they take it as an argument
 * in {@code @OnOpen}, {@code @OnMessage} and {@code @OnClose}. A socket outlives any one request,
 * so each read here is fresh from the store and each update is committed at once, with the same
 * per-field merge, size bound, store timeout and events as a request's. The plain {@code Session}
 * and typed schema arguments there are the handshake's, saved when the socket opened: they read
 * as they were then, and refuse changes with {@link dev.sessionkit.session.SessionCommittedException}.
 */
public final class LiveSession {

    private final ServerSessions sessions;
    private final String token;
    private final String id;
    private final @Nullable String userId;

    LiveSession(ServerSessions sessions, String token, String id, @Nullable String userId) {
        this.sessions = sessions;
        this.token = token;
        this.id = id;
        this.userId = userId;
    }

    /** @return the session's public id */
    public @NonNull String id() {
        return id;
    }

    /** @return the user signed in when the socket opened, or null for a guest */
    public @Nullable String userId() {
        return userId;
    }

    /**
     * @param schema the schema's generated accessor
     * @param <S> the schema
     * @return the session's data as stored now; empty once the session ended
     */
    public <S> @NonNull CompletionStage<Optional<S>> read(@NonNull SessionAccessor<S> schema) {
        return sessions.read(token, schema);
    }

    /**
     * Changes the session's data and commits it, as {@link ServerSessions#update} does.
     *
     * @param schema the schema's generated accessor
     * @param change the new data from the current
     * @param <S> the schema
     * @return whether the session was still live and is written
     */
    public <S> @NonNull CompletionStage<Boolean> update(
            @NonNull SessionAccessor<S> schema, @NonNull Function<S, ? extends S> change) {
        return sessions.update(token, schema, change);
    }

    /** @return ends the session, as a sign-out would; this socket and its others close */
    public @NonNull CompletionStage<Boolean> end() {
        return sessions.destroy(token);
    }
}
