package dev.sessionkit.error;

import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Iterator;

/**
 * Writes every error answer SessionKit gives: {@code {"success":false,"message":...}} for API
 * clients, and for a browser (which asks for HTML first) Micronaut's own small HTML error page.
 */
@Internal
@Singleton
public final class ErrorAnswers {

    /** What a client learns of a failure it cannot act on. */
    public static final String INTERNAL_ERROR = "Internal server error";

    private final HtmlErrorResponseBodyProvider html;

    ErrorAnswers(HtmlErrorResponseBodyProvider html) {
        this.html = html;
    }

    /**
     * Turns {@code response} into the answer to {@code error}.
     *
     * @param request the request that failed
     * @param response the response to fill
     * @param error the failure
     * @return {@code response}, with status, body and, when retrying helps, {@code Retry-After}
     */
    public @NonNull MutableHttpResponse<?> answer(
            @NonNull HttpRequest<?> request,
            @NonNull MutableHttpResponse<?> response,
            @NonNull SessionKitException error) {
        if (error.retryAfterSeconds() > 0) {
            response.header("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        return answer(request, response, error.status(), error.safeMessage());
    }

    /**
     * Fills {@code response} with {@code status} and {@code message}, as HTML or JSON.
     *
     * @param request the request that failed
     * @param response the response to fill
     * @param status the HTTP status
     * @param message a message safe to show
     * @return {@code response}
     */
    public @NonNull MutableHttpResponse<?> answer(
            @NonNull HttpRequest<?> request,
            @NonNull MutableHttpResponse<?> response,
            int status,
            @NonNull String message) {
        response.status(HttpStatus.valueOf(status));
        if (wantsHtml(request)) {
            ErrorContext context =
                    ErrorContext.builder(request).errorMessage(message).build();
            return response.contentType(MediaType.TEXT_HTML_TYPE).body(html.body(context, response));
        }
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(new ErrorBody(false, message));
    }

    private static boolean wantsHtml(HttpRequest<?> request) {
        Iterator<MediaType> accepted = request.accept().iterator();
        return accepted.hasNext() && accepted.next().matches(MediaType.TEXT_HTML_TYPE);
    }
}
