package dev.sessionkit.error;

import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error handler. A {@link SessionKitException} is answered with its status and safe
 * message; any other exception that no more specific handler claims is a 500 that says nothing of
 * it, because exception texts name classes, files, queries and store errors (the detail goes to the
 * log). Micronaut's own handlers for bad input (conversion, missing arguments, ...) are more
 * specific and still answer 400s. {@code session.hide-error-details: false} adds the exception's
 * message to the 500, for development.
 */
@Internal
@Produces
@Singleton
final class SessionKitExceptionHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(SessionKitExceptionHandler.class);

    private final ErrorAnswers answers;
    private final boolean hideDetails;

    SessionKitExceptionHandler(ErrorAnswers answers, ErrorProperties properties) {
        this.answers = answers;
        this.hideDetails = properties.hideErrorDetails();
    }

    @Override
    @SuppressWarnings("rawtypes") // ExceptionHandler declares the request raw; an override must match
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        if (exception instanceof SessionKitException known) {
            if (known.status() == HttpStatus.INTERNAL_SERVER_ERROR.getCode()) {
                LOG.error("{} {}: {}", request.getMethodName(), request.getPath(), known.getMessage());
            }
            return answers.answer(request, HttpResponse.status(HttpStatus.valueOf(known.status())), known);
        }
        LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
        String message =
                hideDetails ? ErrorAnswers.INTERNAL_ERROR : ErrorAnswers.INTERNAL_ERROR + ": " + exception.getMessage();
        return answers.answer(request, HttpResponse.serverError(), HttpStatus.INTERNAL_SERVER_ERROR.getCode(), message);
    }
}
