package dev.sessionkit.http;

import dev.sessionkit.session.SessionPayloadTooLargeException;
import dev.sessionkit.session.SessionRequiredException;
import dev.sessionkit.store.SessionStoreException;
import dev.sessionkit.user.AccessDeniedException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON answers for session failures: 401 without a required session, 413 when too big, 503 when the store is down. */
@Internal
final class SessionErrors {

    private static final Logger LOG = LoggerFactory.getLogger(SessionErrors.class);

    private SessionErrors() {}

    static ErrorBody unavailableBody(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        LOG.warn("Session commit failed: {}", cause.toString());
        return new ErrorBody(false, "Session store unavailable; try again shortly");
    }

    /** Answers 503 when a route uses a session whose store failed or timed out. */
    @Produces
    @Singleton
    @Requires(classes = {SessionStoreException.class, ExceptionHandler.class})
    static final class StoreUnavailableHandler
            implements ExceptionHandler<SessionStoreException, HttpResponse<ErrorBody>> {
        @Override
        @SuppressWarnings("rawtypes") // ExceptionHandler declares the request raw; an override must match
        public HttpResponse<ErrorBody> handle(HttpRequest request, SessionStoreException exception) {
            return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "1")
                    .body(new ErrorBody(false, "Session store unavailable; try again shortly"));
        }
    }

    /** Answers 401 when a route needs a session and the request has none. */
    @Produces
    @Singleton
    @Requires(classes = {SessionRequiredException.class, ExceptionHandler.class})
    static final class SessionRequiredHandler
            implements ExceptionHandler<SessionRequiredException, HttpResponse<ErrorBody>> {
        @Override
        @SuppressWarnings("rawtypes") // ExceptionHandler declares the request raw; an override must match
        public HttpResponse<ErrorBody> handle(HttpRequest request, SessionRequiredException exception) {
            return HttpResponse.<ErrorBody>status(HttpStatus.UNAUTHORIZED)
                    .body(new ErrorBody(false, exception.getMessage()));
        }
    }

    /** Answers 403 when the user lacks a role the route requires. */
    @Produces
    @Singleton
    @Requires(classes = {AccessDeniedException.class, ExceptionHandler.class})
    static final class AccessDeniedHandler implements ExceptionHandler<AccessDeniedException, HttpResponse<ErrorBody>> {
        @Override
        @SuppressWarnings("rawtypes") // ExceptionHandler declares the request raw; an override must match
        public HttpResponse<ErrorBody> handle(HttpRequest request, AccessDeniedException exception) {
            return HttpResponse.<ErrorBody>status(HttpStatus.FORBIDDEN)
                    .body(new ErrorBody(false, exception.getMessage()));
        }
    }

    /** Answers 403 when a write comes from an untrusted origin. */
    @Produces
    @Singleton
    @Requires(classes = {CsrfException.class, ExceptionHandler.class})
    static final class CsrfHandler implements ExceptionHandler<CsrfException, HttpResponse<ErrorBody>> {
        @Override
        @SuppressWarnings("rawtypes") // ExceptionHandler declares the request raw; an override must match
        public HttpResponse<ErrorBody> handle(HttpRequest request, CsrfException exception) {
            return HttpResponse.<ErrorBody>status(HttpStatus.FORBIDDEN)
                    .body(new ErrorBody(false, exception.getMessage()));
        }
    }

    /** Answers 413 when a write would take a session past its size bound. */
    @Produces
    @Singleton
    @Requires(classes = {SessionPayloadTooLargeException.class, ExceptionHandler.class})
    static final class PayloadTooLargeHandler
            implements ExceptionHandler<SessionPayloadTooLargeException, HttpResponse<ErrorBody>> {
        @Override
        @SuppressWarnings("rawtypes") // ExceptionHandler declares the request raw; an override must match
        public HttpResponse<ErrorBody> handle(HttpRequest request, SessionPayloadTooLargeException exception) {
            return HttpResponse.<ErrorBody>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(new ErrorBody(false, exception.getMessage()));
        }
    }
}
