package dev.sessionkit.error;

import io.micronaut.context.annotation.Secondary;
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
 * An exception that no handler claims is a 500 that says nothing of it, because exception texts
 * name classes, files, queries and store errors (the detail goes to the log); Micronaut's default
 * would put the text in the body. It is {@link Secondary}: an application's own handler for {@code
 * Exception} takes its place without a clash, and Micronaut's more specific handlers for bad input
 * still answer 400s. {@code session.hide-error-details: false} adds the message, for development.
 */
@Internal
@Produces
@Singleton
@Secondary
final class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    private final ErrorAnswers answers;
    private final boolean hideDetails;

    UnexpectedErrorHandler(ErrorAnswers answers, ErrorProperties properties) {
        this.answers = answers;
        this.hideDetails = properties.hideErrorDetails();
    }

    @Override
    @SuppressWarnings("rawtypes") // ExceptionHandler declares the request raw; an override must match
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
        String message =
                hideDetails ? ErrorAnswers.INTERNAL_ERROR : ErrorAnswers.INTERNAL_ERROR + ": " + exception.getMessage();
        return answers.answer(request, HttpResponse.serverError(), HttpStatus.INTERNAL_SERVER_ERROR.getCode(), message);
    }
}
