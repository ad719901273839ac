package dev.sessionkit.http;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import java.util.concurrent.CompletionStage;

/**
 * A step the {@link MiddlewareChain} runs around every request. Requests pass the registered
 * middlewares in registration order, responses in reverse. A middleware stops a request by
 * throwing, or failing its stage, with an exception that an exception handler answers (for
 * example {@link dev.sessionkit.session.SessionRequiredException} is a 401).
 */
public interface Middleware {

    /**
     * Runs before the controller.
     *
     * @param request the request
     * @param route the matched route's annotations (empty when no route matched)
     * @return null to go on at once, or a stage the chain waits for
     */
    @Nullable
    default CompletionStage<?> onRequest(@NonNull HttpRequest<?> request, @NonNull AnnotationMetadata route) {
        return null;
    }

    /**
     * Runs after the controller; changes the response in place.
     *
     * @param request the request
     * @param response the response on its way out
     * @return null when done, or a stage the chain waits for
     */
    @Nullable
    default CompletionStage<?> onResponse(@NonNull HttpRequest<?> request, @NonNull MutableHttpResponse<?> response) {
        return null;
    }
}
