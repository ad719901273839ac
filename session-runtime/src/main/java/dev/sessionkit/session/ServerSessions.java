package dev.sessionkit.session;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.event.SessionEvents;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.token.TokenCodec;
import dev.sessionkit.token.VerifiedToken;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Sessions outside an HTTP request, for WebSocket handshakes, gRPC, background jobs and tests:
 * create one for a user and get its token, look a token up, end it, list a user's sessions. They
 * are the same sessions requests use: a token made here works as a cookie or bearer token, the
 * per-user cap applies, and each store call is bounded by {@code session.store-timeout}.
 */
@Singleton
public final class ServerSessions {

    private static final int MAX_PAGE = 1000;

    private final SessionSettings settings;
    private final TokenCodec codec;
    private final SessionEvents events;
    private final StoreDeadline deadline;
    private final SessionCap cap;
    private final FieldJson fieldJson;
    private final SessionManager manager;
    private final StoredSessions stored;

    ServerSessions(
            SessionSettings settings,
            TokenCodec codec,
            Clock clock,
            SessionEvents events,
            JsonMapper json,
            SessionManager manager) {
        this.fieldJson = new FieldJson(json);
        this.manager = manager;
        this.settings = settings;
        this.codec = codec;
        this.events = events;
        this.deadline = new StoreDeadline(settings.values().storeTimeout());
        this.cap = new SessionCap(settings, deadline, events);
        this.stored = new StoredSessions(settings, codec, clock, deadline, manager);
    }

    /**
     * A session made here.
     *
     * @param token the signed value a client sends, as the session cookie or a bearer token
     * @param details what the session records
     */
    public record Issued(@NonNull String token, @NonNull SessionDetails details) {}

    /**
     * Creates a signed-in session for a user, as a sign-in over HTTP would.
     *
     * @param userId the user
     * @param label a name for the session, such as the job or device, or null
     * @param client where the user connects from (address), or null
     * @return the token and the session's details
     */
    public @NonNull CompletionStage<Issued> create(
            @NonNull String userId, @Nullable String label, @Nullable String client) {
        return create(userId, label, client, null);
    }

    /**
     * Creates a signed-in session that keeps the application's own facts about the sign-in, as
     * {@link Session#signIn(String, String, Object)} does.
     *
     * @param userId the user
     * @param label a name for the session, or null
     * @param client where the user connects from, or null
     * @param facts a serde-writable value, or null
     * @return the token and the session's details
     */
    public @NonNull CompletionStage<Issued> create(
            @NonNull String userId, @Nullable String label, @Nullable String client, @Nullable Object facts) {
        String factsJson = facts == null ? null : fieldJson.write("sign-in meta", Argument.ofInstance(facts), facts);
        SessionMeta fresh = stored.freshMeta();
        SessionMeta meta = SignInData.checked(userId, label, client, null, factsJson)
                .applyTo(fresh, fresh, settings.values().ttl().toMillis());
        return issue(meta, key -> cap.enforce(userId, key));
    }

    /**
     * Creates an anonymous session, as a guest's first write would: for seeding a visitor's data
     * (a cart, say) before a test's request, or handing a device a session it fills later.
     *
     * @return the token and the session's details
     */
    public @NonNull CompletionStage<Issued> createGuest() {
        return issue(stored.freshMeta(), key -> CompletableFuture.completedFuture(null));
    }

    /** Stores a new session under a fresh token; {@code then} runs once it is stored, before it is announced. */
    private CompletionStage<Issued> issue(SessionMeta meta, Function<String, CompletionStage<?>> then) {
        String token = codec.newToken();
        String id = codec.publicId(token);
        String key = settings.values().namespace() + id;
        return deadline.call("create", kv().create(key, new SessionRecord(meta, Map.of())))
                .thenCompose(created -> then.apply(key))
                .thenApply(done -> {
                    events.created(id);
                    return new Issued(codec.sign(token), SessionDetails.of(id, meta));
                });
    }

    /**
     * @param token a signed token value, as a client sends it
     * @return the live session it names; empty for a forged, malformed, ended or expired one
     */
    public @NonNull CompletionStage<Optional<SessionDetails>> lookup(@Nullable String token) {
        VerifiedToken verified = codec.verify(token);
        if (verified == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return stored.details(
                settings.values().namespace() + codec.publicId(verified.token()),
                settings.values().namespace());
    }

    /**
     * Reads a session's typed data outside a request, through the schema's generated accessor:
     * the same decoding, defaults and undecodable-field policy as in a request.
     *
     * @param token a signed token value
     * @param schema the schema's generated accessor, such as an injected {@code ShopSessions}
     * @param <S> the schema
     * @return the data; empty for a forged, ended or expired session
     */
    public <S> @NonNull CompletionStage<Optional<S>> read(@Nullable String token, @NonNull SessionAccessor<S> schema) {
        return stored.loaded(token).thenApply(session -> session.map(schema::read));
    }

    /**
     * Changes a session's typed data outside a request, as {@code update} does in one: only the
     * fields whose value changed are written, none of a concurrent request's changes is lost
     * ({@code change} runs again on fresh data after a conflict), bounded by {@code session.max-payload-bytes} and the
     * store timeout, and a session that ended meanwhile is not brought back.
     *
     * @param token a signed token value
     * @param schema the schema's generated accessor
     * @param change the new data from the current
     * @param <S> the schema
     * @return whether a live session was found and written
     */
    public <S> @NonNull CompletionStage<Boolean> update(
            @Nullable String token, @NonNull SessionAccessor<S> schema, @NonNull Function<S, ? extends S> change) {
        return stored.loaded(token).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(false);
            }
            RequestSession session = found.get();
            session.update(() -> schema.set(session, change.apply(schema.read(session))));
            return manager.commit(session).thenApply(cookie -> cookie != CookieChange.CLEAR);
        });
    }

    /**
     * Keeps a session alive from outside a request, as a request carrying its cookie would: its idle
     * lifetime starts again, written to the store at most once per {@code session.touch-interval}.
     * Long-lived connections (WebSockets, streams) call it as their traffic flows.
     *
     * @param token a signed token value
     * @return the session's details; empty for a forged, ended or expired session
     */
    public @NonNull CompletionStage<Optional<SessionDetails>> touch(@Nullable String token) {
        return stored.touch(token);
    }

    /**
     * Ends every session of a user at once, as after a password reset or when the account is
     * deleted.
     *
     * @param userId the user
     * @return how many sessions ended
     */
    public @NonNull CompletionStage<Integer> destroyAllForUser(@NonNull String userId) {
        String namespace = settings.values().namespace();
        return deadline.call("revoke", kv().deleteByUser(namespace, userId, null))
                .thenApply(keys -> {
                    events.revoked(userId, TokenCodec.idsOfKeys(keys), "all");
                    return keys.size();
                });
    }

    /**
     * Ends a session, as a sign-out would.
     *
     * @param token a signed token value
     * @return whether a live session was ended
     */
    public @NonNull CompletionStage<Boolean> destroy(@Nullable String token) {
        VerifiedToken verified = codec.verify(token);
        if (verified == null) {
            return CompletableFuture.completedFuture(false);
        }
        return end(codec.publicId(verified.token()));
    }

    /**
     * Ends a session by its public id, as an admin tool does: the id is what listings show, and
     * it cannot be used as a token. A malformed id never reaches the store.
     *
     * @param id a session's public id
     * @return whether a session was ended
     */
    public @NonNull CompletionStage<Boolean> destroyById(@Nullable String id) {
        return TokenCodec.isPublicId(id) ? end(id) : CompletableFuture.completedFuture(false);
    }

    private CompletionStage<Boolean> end(String id) {
        return deadline.call("delete", kv().delete(settings.values().namespace() + id))
                .thenApply(deleted -> {
                    if (deleted) {
                        events.destroyed(id);
                    }
                    return deleted;
                });
    }

    /**
     * @param userId a user
     * @return their live sessions, most recently active first
     */
    public @NonNull CompletionStage<List<SessionDetails>> listForUser(@NonNull String userId) {
        String namespace = settings.values().namespace();
        return deadline.call("list", kv().listByUser(namespace, userId))
                .thenApply(sessions -> sessions.stream()
                        .map(summary -> SessionDetails.of(summary, namespace, userId, false))
                        .toList());
    }

    /**
     * One page of every session in the system, for admin tools: the store pages through its keys
     * (SCAN on Redis, per master on a cluster; keyset paging on PostgreSQL) and never blocks it.
     * With a user, that user's sessions, all on one page.
     *
     * @param userId only this user's sessions, or null for everyone's
     * @param cursor null for the first page, else the previous page's {@link Page#next()}
     * @param limit about how many sessions a page holds, from 1 to 1000
     * @return the page
     */
    public @NonNull CompletionStage<Page> list(@Nullable String userId, @Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " sessions, not " + limit);
        }
        String namespace = settings.values().namespace();
        if (userId != null) {
            return deadline.call("list", kv().listByUser(namespace, userId)).thenCompose(sessions -> {
                List<CompletableFuture<Optional<SessionDetails>>> details = sessions.stream()
                        .map(s -> stored.details(s.key(), namespace).toCompletableFuture())
                        .toList();
                return CompletableFuture.allOf(details.toArray(CompletableFuture[]::new))
                        .thenApply(all -> new Page(
                                details.stream().flatMap(d -> d.join().stream()).toList(), null));
            });
        }
        return deadline.call("scan", kv().scan(namespace, cursor, limit))
                .thenApply(page -> new Page(
                        page.sessions().stream()
                                .map(s -> SessionDetails.of(s.key().substring(namespace.length()), s.meta()))
                                .toList(),
                        page.cursor()));
    }

    /**
     * A page of sessions.
     *
     * @param sessions the sessions on it
     * @param next the cursor of the next page, or null after the last one
     */
    @Serdeable
    public record Page(
            @NonNull List<SessionDetails> sessions,
            @Nullable String next) {}

    private KvAdaptor kv() {
        return settings.kvAdaptor();
    }
}
