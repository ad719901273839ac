package dev.sessionkit.user;

import dev.sessionkit.error.OncePer;
import dev.sessionkit.http.BearerToken;
import dev.sessionkit.http.Middleware;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionManager;
import dev.sessionkit.session.SessionRequiredException;
import dev.sessionkit.token.CookieReader;
import dev.sessionkit.token.Sha256;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user bridge: turns the request's signed-in session (through the application's {@link
 * SessionUserResolver}, or just its user id) or, failing that, a raw bearer token (through a
 * {@link TokenVerifier}) into an {@link AuthContext} on the request, then enforces {@link
 * RequiresUser} and {@link RequiresRoles}. A user that an earlier middleware set with {@link
 * RequestUser#set} is kept and checked instead. Register it after {@code session}. Results are cached
 * by session's public id and the session's user stamp; a revoked session is gone from the store,
 * and {@link UserChanges#changed} gives a changed user's sessions a new stamp, so both show on the
 * very next request whatever the cache holds.
 */
@Singleton
@Named("user-bridge")
public final class UserBridge implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(UserBridge.class);

    private final SessionManager manager;
    private final @Nullable SessionUserResolver resolver;
    private final @Nullable TokenVerifier verifier;
    private final BridgeCache cache;
    private final OncePer verifierWarnings = new OncePer(60_000);

    UserBridge(
            SessionManager manager,
            BridgeProperties bridge,
            Clock clock,
            @Nullable SessionUserResolver resolver,
            @Nullable TokenVerifier verifier) {
        this.manager = manager;
        this.resolver = resolver;
        this.verifier = verifier;
        this.cache = new BridgeCache(clock, bridge.cacheTtl().toMillis(), bridge.cacheSize());
    }

    /** It reads the session the {@code session} middleware loaded. */
    @Override
    public List<String> runsAfter() {
        return List.of("session");
    }

    @Override
    public Set<Class<? extends Annotation>> enforces() {
        return Set.of(RequiresUser.class, RequiresRoles.class);
    }

    @Override
    public @Nullable CompletionStage<?> onRequest(HttpRequest<?> request, AnnotationMetadata route) {
        AuthContext set = RequestUser.get(request).orElse(null);
        if (set != null) {
            admit(request, route, set); // an earlier middleware of the application's own decided
            return null;
        }
        Session session = manager.peek(request);
        if (session != null && !manager.isLive(session) && RouteGuard.of(route).user()) {
            session.exists(); // a store that could not load it throws its 503 here, rather than a 401
        }
        String userId = session != null && manager.isLive(session) ? session.userId() : null;
        if (userId != null) {
            return fromSession(request, route, session, userId);
        }
        String token = verifier == null ? null : externalToken(request, verifier);
        if (token != null) {
            return fromToken(request, route, token);
        }
        admit(request, route, null);
        return null;
    }

    /**
     * Forgets this instance's cached contexts of a user, so a changed role or a disabled account
     * shows on their next request here. Other instances keep theirs for up to {@code
     * session.bridge.cache-ttl}; {@link UserChanges#changed} reaches every instance.
     *
     * @param subject the user's id
     */
    public void invalidate(String subject) {
        cache.invalidate(subject);
    }

    private @Nullable CompletionStage<?> fromSession(
            HttpRequest<?> request, AnnotationMetadata route, Session session, String userId) {
        if (resolver == null) {
            admit(request, route, AuthContext.of(userId, "session"));
            return null;
        }
        // The stamp UserChanges writes on every session of a changed user: a new stamp, a new key.
        String stamp = session.getJson(UserChanges.STAMP);
        String key = stamp == null ? "s:" + session.id() : "s:" + session.id() + ":" + stamp;
        AuthContext cached = cache.get(key);
        if (cached != null) {
            admit(request, route, cached);
            return null;
        }
        return resolver.resolve(userId, request).thenAccept(context -> {
            if (context != null) {
                cache.put(key, context);
            }
            admit(request, route, context);
        });
    }

    private @Nullable CompletionStage<?> fromToken(HttpRequest<?> request, AnnotationMetadata route, String token) {
        String key = tokenKey(token);
        AuthContext cached = cache.get(key, request.getHeaders());
        if (cached != null) {
            admit(request, route, cached);
            return null;
        }
        RecordingHeaders headers = new RecordingHeaders(request.getHeaders());
        CompletionStage<AuthContext> verified;
        try {
            verified = verifier.verify(token, headers);
        } catch (RuntimeException e) {
            verified = CompletableFuture.failedFuture(e);
        }
        return verified.handle((context, failure) -> {
                    if (failure != null) {
                        verifierFailed(failure);
                        return null;
                    }
                    if (context != null) {
                        keep(key, context, headers);
                    }
                    return context;
                })
                .thenAccept(context -> admit(request, route, context));
    }

    /** A verifier that throws is no user, never a 500 for every route; the log says so once a minute. */
    private void verifierFailed(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (verifierWarnings.due()) {
            LOG.warn(
                    "The TokenVerifier {} failed ({}: {}), so the request goes on without a user"
                            + " (guarded routes answer 401); this warning repeats at most once a minute",
                    verifier.getClass().getName(),
                    cause.getClass().getSimpleName(),
                    cause.getMessage());
        }
    }

    /** Keeps a verifier's result for as long as it allows, for requests with the same headers it read. */
    private void keep(String key, AuthContext context, RecordingHeaders headers) {
        Set<String> read = headers.readNames();
        if (read == null) {
            return; // it read every header: no later request is the same
        }
        Duration ttl = verifier.cacheTtl(context);
        long millis = ttl == null ? cache.ttlMillis() : ttl.toMillis();
        cache.put(key, context, millis, read, read.isEmpty() ? null : headers.digest(read));
    }

    /** Puts the context on the request and applies the route's requirements. */
    private static void admit(HttpRequest<?> request, AnnotationMetadata route, @Nullable AuthContext context) {
        if (context != null) {
            request.setAttribute(AuthContext.ATTRIBUTE, context);
            if (request.getUserPrincipal().isEmpty()) {
                request.setUserPrincipal(new UserPrincipal(context.subject()));
            }
        }
        RouteGuard guard = RouteGuard.of(route);
        if (!guard.user()) {
            return;
        }
        if (context == null) {
            throw new SessionRequiredException();
        }
        Set<String> roles = guard.roles();
        if (roles == null) {
            return;
        }
        for (String role : roles) {
            if (context.hasRole(role)) {
                return;
            }
        }
        throw new AccessDeniedException("This needs one of the roles " + String.join(", ", roles));
    }

    /**
     * Forgets the cached result of one external token, so a sign-out in the other system shows on
     * the token's next request.
     *
     * @param token the token as the client sends it
     */
    public void invalidateToken(String token) {
        cache.remove(tokenKey(token));
    }

    private static String tokenKey(String token) {
        return "t:" + Sha256.of(token);
    }

    private static @Nullable String externalToken(HttpRequest<?> request, TokenVerifier verifier) {
        String token = BearerToken.from(request.getHeaders());
        if ((token == null || token.isEmpty()) && verifier.cookieName() != null) {
            token = CookieReader.find(request.getHeaders().getAll(HttpHeaders.COOKIE), verifier.cookieName());
            if (CookieReader.DUPLICATE.equals(token)) {
                return null;
            }
        }
        return token == null || token.isEmpty() ? null : token;
    }
}
