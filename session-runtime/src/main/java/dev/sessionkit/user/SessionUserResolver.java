package dev.sessionkit.user;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.util.concurrent.CompletionStage;

/**
 * Supplied by the application: turns a signed-in session's user id into an {@link AuthContext},
 * for example by loading the user and their roles from a repository. Called on the event loop:
 * a blocking look-up must run on an executor of its own. Results are cached for {@code
 * session.bridge.cache-ttl}.
 */
@FunctionalInterface
public interface SessionUserResolver {

    /**
     * @param userId the session's user
     * @param request the request
     * @return the context, or null when the user no longer exists (the request is then anonymous)
     */
    @NonNull
    CompletionStage<@Nullable AuthContext> resolve(@NonNull String userId, @NonNull HttpRequest<?> request);
}
