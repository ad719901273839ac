package dev.sessionkit.user;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import java.util.concurrent.CompletionStage;

/**
 * Supplied by the application when sessions live in an external auth service: verifies a raw
 * bearer token (with the request headers, for services that need more) and says who it is.
 * Used when the request carries no session of SessionKit's own. Results are cached by the
 * token's SHA-256 for {@code session.bridge.cache-ttl}.
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
}
