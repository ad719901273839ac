package dev.sessionkit.user;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Supplied by the application when sessions live in an external auth service: verifies that
 * service's token, sent as a bearer token or in its own cookie (see {@link #cookieName()}), with
 * the request headers for services that need more, and says who it is. Used when the request
 * carries no session of SessionKit's own. A result is reused for later requests with the same token
 * and the same values of every header {@link #verify} read (a verifier that lists all headers is
 * asked every time), for {@link #cacheTtl}; {@link UserBridge#invalidateToken} forgets one at once.
 */
@FunctionalInterface
public interface TokenVerifier {

    /**
     * @param token the bearer token as sent
     * @param headers the request headers
     * @return the context, or null when the token is not valid
     */
    @NonNull
    CompletionStage<@Nullable AuthContext> verify(@NonNull String token, @NonNull HttpHeaders headers);

    /**
     * The cookie that carries the other system's session token, for sessions that live in a
     * browser rather than an API client; {@code Authorization: Bearer} is read first.
     *
     * @return the cookie's name, or null to read only the bearer token
     */
    @Nullable
    default String cookieName() {
        return null;
    }

    /**
     * How long a result may be reused, for tokens that die sooner than {@code
     * session.bridge.cache-ttl} or that must be checked on every request.
     *
     * @param context a result of {@link #verify}
     * @return how long to reuse it; {@link Duration#ZERO} to verify every request; null for {@code
     *     session.bridge.cache-ttl}
     */
    @Nullable
    default Duration cacheTtl(@NonNull AuthContext context) {
        return null;
    }
}
