package dev.sessionkit.error;

import io.micronaut.context.annotation.Requires;
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
 * Answers any exception no other handler claims with a 500 that says nothing of it: exception
 * texts name classes, files, queries and store errors. The detail goes to the log. Micronaut's own
 * handlers for bad input (conversion, missing arguments, ...) are more specific and still answer
 * 400s. {@code session.hide-error-details: false} restores Micronaut's default.
 */
@Internal
@Produces
@Singleton
@Requires(property = "session.hide-error-details", notEquals = "false")
final class InternalErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(InternalErrorHandler.class);

    private final ErrorAnswers answers;

    InternalErrorHandler(ErrorAnswers answers) {
        this.answers = answers;
    }

    @Override
    @SuppressWarnings("rawtypes") // ExceptionHandler declares the request raw; an override must match
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
        return answers.answer(
                request,
                HttpResponse.serverError(),
                HttpStatus.INTERNAL_SERVER_ERROR.getCode(),
                ErrorAnswers.INTERNAL_ERROR);
    }
}
