package dev.sessionkit.http;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A step the {@link MiddlewareChain} runs around every request. Requests pass the registered
 * middlewares in registration order, responses in reverse. A middleware stops a request by
 * throwing, or failing its stage, with an exception that an exception handler answers (for
 * example {@link dev.sessionkit.session.SessionRequiredException} is a 401).
 */
public interface Middleware {

    /**
     * The middlewares that must run before this one, by name; startup fails when one is missing
     * or registered later, since this one would see nothing.
     *
     * @return names such as {@code session}
     */
    @NonNull
    default List<String> runsAfter() {
        return List.of();
    }

    /**
     * The route annotations this middleware enforces. A route carrying a guard annotation that no
     * registered middleware enforces stops startup: guards fail closed.
     *
     * @return annotation types such as {@link dev.sessionkit.user.RequiresUser}
     */
    @NonNull
    default Set<Class<? extends Annotation>> enforces() {
        return Set.of();
    }

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
