package dev.sessionkit.http;

import dev.sessionkit.session.SessionCreationRefusedException;
import dev.sessionkit.session.SessionPayloadTooLargeException;
import dev.sessionkit.session.SessionRequiredException;
import dev.sessionkit.store.SessionStoreException;
import dev.sessionkit.user.AccessDeniedException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON answers for session failures: 401 without a required session, 413 when too big, 503 when the store is down. */
@Internal
final class SessionErrors {

    private static final Logger LOG = LoggerFactory.getLogger(SessionErrors.class);

    private SessionErrors() {}

    static ErrorBody unavailableBody(Throwable error) {
        Throwable cause = SessionStoreException.causeOf(error);
        LOG.warn("Session commit failed: {}", cause.toString());
        return new ErrorBody(false, STORE_UNAVAILABLE);
    }

    private static final String STORE_UNAVAILABLE = "Session store unavailable; try again shortly";

    /** Answers one exception type with a status and {@code {"success":false,"message":...}}. */
    abstract static class JsonErrorHandler<E extends RuntimeException>
            implements ExceptionHandler<E, HttpResponse<ErrorBody>> {
        private final HttpStatus status;

        JsonErrorHandler(HttpStatus status) {
            this.status = status;
        }

        @Override
        @SuppressWarnings("rawtypes") // ExceptionHandler declares the request raw; an override must match
        public HttpResponse<ErrorBody> handle(HttpRequest request, E exception) {
            return respond(HttpResponse.<ErrorBody>status(status), exception);
        }

        MutableHttpResponse<ErrorBody> respond(MutableHttpResponse<ErrorBody> response, E exception) {
            return response.body(new ErrorBody(false, exception.getMessage()));
        }
    }

    /** Answers 503 when a route uses a session whose store failed or timed out; the client may retry. */
    @Produces
    @Singleton
    @Requires(classes = {SessionStoreException.class, ExceptionHandler.class})
    static final class StoreUnavailableHandler extends JsonErrorHandler<SessionStoreException> {
        StoreUnavailableHandler() {
            super(HttpStatus.SERVICE_UNAVAILABLE);
        }

        @Override
        MutableHttpResponse<ErrorBody> respond(MutableHttpResponse<ErrorBody> response, SessionStoreException e) {
            return response.header("Retry-After", "1").body(new ErrorBody(false, STORE_UNAVAILABLE));
        }
    }

    /** Answers 401 when a route needs a session and the request has none. */
    @Produces
    @Singleton
    @Requires(classes = {SessionRequiredException.class, ExceptionHandler.class})
    static final class SessionRequiredHandler extends JsonErrorHandler<SessionRequiredException> {
        SessionRequiredHandler() {
            super(HttpStatus.UNAUTHORIZED);
        }
    }

    /** Answers 403 when the user lacks a role the route requires. */
    @Produces
    @Singleton
    @Requires(classes = {AccessDeniedException.class, ExceptionHandler.class})
    static final class AccessDeniedHandler extends JsonErrorHandler<AccessDeniedException> {
        AccessDeniedHandler() {
            super(HttpStatus.FORBIDDEN);
        }
    }

    /** Answers 403 when a write comes from an untrusted origin. */
    @Produces
    @Singleton
    @Requires(classes = {CsrfException.class, ExceptionHandler.class})
    static final class CsrfHandler extends JsonErrorHandler<CsrfException> {
        CsrfHandler() {
            super(HttpStatus.FORBIDDEN);
        }
    }

    /**
     * Answers any exception no other handler claims with a 500 that says nothing of it: exception
     * texts name classes, files, queries and store errors. The detail goes to the log. Micronaut's
     * own handlers for bad input (conversion, missing arguments, ...) are more specific and still
     * answer 400s. {@code session.hide-error-details: false} restores Micronaut's default.
     */
    @Produces
    @Singleton
    @Requires(property = "session.hide-error-details", notEquals = "false")
    static final class InternalErrorHandler implements ExceptionHandler<Exception, HttpResponse<ErrorBody>> {
        @Override
        @SuppressWarnings("rawtypes") // ExceptionHandler declares the request raw; an override must match
        public HttpResponse<ErrorBody> handle(HttpRequest request, Exception exception) {
            if (exception instanceof SessionCreationRefusedException) {
                LOG.error("{}", exception.getMessage());
            } else {
                LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
            }
            return HttpResponse.<ErrorBody>status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .body(new ErrorBody(false, "Internal server error"));
        }
    }

    /** Answers 413 when a write would take a session past its size bound. */
    @Produces
    @Singleton
    @Requires(classes = {SessionPayloadTooLargeException.class, ExceptionHandler.class})
    static final class PayloadTooLargeHandler extends JsonErrorHandler<SessionPayloadTooLargeException> {
        PayloadTooLargeHandler() {
            super(HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        }
    }
}
