package dev.sessionkit.session;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.config.SessionTransport;
import dev.sessionkit.event.InvalidSessionTokenEvent;
import dev.sessionkit.event.SessionEvents;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionStoreException;
import dev.sessionkit.token.TokenCodec;
import dev.sessionkit.token.VerifiedToken;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a request's session from its cookie value and commits its changes: the engine between
 * the HTTP middleware and the {@link KvAdaptor}. The current request's session is kept as a
 * request attribute; {@link #current(HttpRequest)} finds it, or attaches an empty one.
 */
@Singleton
public final class SessionManager implements CurrentSession {

    /** The request attribute holding the {@link Session}. */
    public static final String ATTRIBUTE = "dev.sessionkit.session";

    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final SessionSettings settings;
    private final TokenCodec codec;
    private final Clock clock;
    private final SessionEvents events;
    private final KvAdaptor kv;
    private final StoreDeadline deadline;
    private final SessionCommitter committer;
    private final SessionTools tools;

    SessionManager(
            SessionSettings settings,
            TokenCodec codec,
            JsonMapper json,
            Clock clock,
            SessionEvents events,
            UndecodableFields undecodable,
            UpdateProperties updates) {
        this.settings = settings;
        this.codec = codec;
        this.clock = clock;
        this.events = events;
        this.kv = settings.kvAdaptor();
        this.deadline = new StoreDeadline(settings.values().storeTimeout());
        this.committer = new SessionCommitter(settings, codec, clock, events, updates);
        this.tools = new SessionTools(settings, codec, json, new FieldJson(json), undecodable, clock);
    }

    /**
     * The session of the request being served on this thread (Micronaut propagates it).
     *
     * @return its session
     * @throws IllegalStateException outside an HTTP request
     */
    @Override
    public @NonNull Session current() {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        if (request == null) {
            throw new IllegalStateException(
                    "No HTTP request is being served here; sessions can only be used while handling one");
        }
        return current(request);
    }

    /**
     * The session of {@code request}; an empty one is attached if the middleware loaded none.
     *
     * @param request the current request
     * @return its session
     * @throws IllegalStateException on a path excluded by {@code session.exclude-paths}
     */
    public @NonNull Session current(@NonNull HttpRequest<?> request) {
        Object attached = request.getAttribute(ATTRIBUTE).orElse(null);
        if (attached instanceof Session session) {
            return session;
        }
        if (settings.excludedPaths().matches(request.getPath())) {
            throw new IllegalStateException("The session was used on " + request.getPath()
                    + ", which session.exclude-paths excludes; remove the path from that list");
        }
        return attach(request, SessionTransport.COOKIE, new SessionOrigin.Absent(false));
    }

    /**
     * Loads the session a cookie (or bearer) value names and attaches it to the request. A value
     * that fails verification never reaches the store; a store failure attaches a session that
     * answers every use with {@link SessionStoreException}, so routes that ignore the session
     * still work.
     *
     * @param request the request
     * @param value the client's signed value, or {@link dev.sessionkit.token.CookieReader#DUPLICATE}
     * @return completes once the session is attached
     */
    public @NonNull CompletionStage<Session> load(
            @NonNull HttpRequest<?> request, @NonNull String value, @NonNull SessionTransport transport) {
        VerifiedToken verified = codec.verify(value);
        if (verified == null) {
            events.invalidToken(new InvalidSessionTokenEvent(reason(value), remoteAddress(request)));
            return CompletableFuture.completedFuture(attach(request, transport, new SessionOrigin.Absent(false)));
        }
        String id = codec.publicId(verified.token());
        String key = settings.values().namespace() + id;
        return deadline.bound(loadFromStore(key)).handle((record, error) -> {
            SessionOrigin origin;
            if (error != null) {
                origin = new SessionOrigin.Unavailable(storeFailure("load", error));
            } else if (record == null || record.meta().isExpired(clock.millis())) {
                origin = new SessionOrigin.Absent(transport == SessionTransport.COOKIE);
            } else {
                origin = new SessionOrigin.Loaded(verified.token(), id, key, record, verified.signedByOldSecret());
            }
            return attach(request, transport, origin);
        });
    }

    /**
     * Writes what the request changed, in one store call where the store allows, and says what
     * the cookie must become. Nothing is written for a read-only request inside the touch interval.
     *
     * @param session the request's session
     * @return the cookie change, or null for none; fails with {@link SessionStoreException}
     */
    public @NonNull CompletionStage<@Nullable CookieChange> commit(@NonNull Session session) {
        if (!(session instanceof RequestSession s)) {
            return CompletableFuture.completedFuture(null);
        }
        return committer.commit(s).whenComplete((change, error) -> s.identity().saved());
    }

    /**
     * @param session a request's session
     * @return its signed token, as its client sends it, while it is live; else null
     */
    @Internal
    public @Nullable String signedToken(@NonNull Session session) {
        String token =
                session instanceof RequestSession s && s.isLive() ? s.identity().token() : null;
        return token == null ? null : codec.sign(token);
    }

    /**
     * The session the middleware attached to {@code request}, without creating one.
     *
     * @param request the request
     * @return the session, or null when the request carried none
     */
    public @Nullable Session peek(@NonNull HttpRequest<?> request) {
        Object attached = request.getAttribute(ATTRIBUTE).orElse(null);
        return attached instanceof Session session ? session : null;
    }

    /**
     * @param session a request's session
     * @return whether it is a session that exists and could be loaded: its response carries
     *     session data and must not be cached
     */
    public boolean isLive(@NonNull Session session) {
        return session instanceof RequestSession s && s.isLive();
    }

    /**
     * A companion cookie of the request's session cookie, as this request last set it or as the
     * browser sent it; for SessionKit's stateless helpers such as {@link
     * dev.sessionkit.http.CsrfTokens}.
     *
     * @param session the request's session
     * @param suffix appended to the session cookie's name, such as {@code _csrf}
     * @return the value, or null when absent, duplicated or outside a request
     */
    @Internal
    public @Nullable String clientCookie(@NonNull Session session, @NonNull String suffix) {
        return session instanceof RequestSession s ? s.clientCookies().read(suffix) : null;
    }

    /**
     * Sets a companion cookie on the response, with the session cookie's attributes.
     *
     * @param session the request's session
     * @param suffix appended to the session cookie's name
     * @param value the value, or null to clear the cookie
     */
    @Internal
    public void setClientCookie(@NonNull Session session, @NonNull String suffix, @Nullable String value) {
        if (session instanceof RequestSession s) {
            s.clientCookies().write(suffix, value);
        }
    }

    /**
     * @param session the request's session
     * @return the companion cookies to send (suffix to value, null clears), or null for none
     */
    @Internal
    public @Nullable Map<String, String> outgoingCookies(@NonNull Session session) {
        return session instanceof RequestSession s ? s.outgoingCookies() : null;
    }

    /** @return a loaded session outside any request, for {@link ServerSessions}; committed like a request's */
    RequestSession detached(String token, String id, String key, SessionRecord record) {
        return new RequestSession(
                tools,
                RequestFacts.none(settings),
                SessionTransport.BEARER,
                new SessionOrigin.Loaded(token, id, key, record, false));
    }

    private CompletionStage<SessionRecord> loadFromStore(String key) {
        try {
            return kv.load(key);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private SessionStoreException storeFailure(String operation, Throwable error) {
        SessionStoreException failure = deadline.failure(operation, error);
        if (failure != SessionStoreException.causeOf(error)) {
            LOG.warn("{}", failure.getMessage());
        }
        return failure;
    }

    private RequestSession attach(HttpRequest<?> request, SessionTransport transport, SessionOrigin origin) {
        RequestSession session = new RequestSession(tools, RequestFacts.of(request, settings), transport, origin);
        request.setAttribute(ATTRIBUTE, session);
        return session;
    }

    private static InvalidSessionTokenEvent.Reason reason(String value) {
        if (value.equals(dev.sessionkit.token.CookieReader.DUPLICATE)) {
            return InvalidSessionTokenEvent.Reason.DUPLICATE;
        }
        return TokenCodec.isWellFormed(value)
                ? InvalidSessionTokenEvent.Reason.BAD_SIGNATURE
                : InvalidSessionTokenEvent.Reason.MALFORMED;
    }

    private static @Nullable String remoteAddress(HttpRequest<?> request) {
        var address = request.getRemoteAddress().getAddress();
        return address == null ? null : address.getHostAddress();
    }
}
