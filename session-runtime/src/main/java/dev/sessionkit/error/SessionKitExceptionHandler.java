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
 * Answers SessionKit's own exceptions with their status and safe message. It handles {@link
 * SessionKitException} and nothing broader, so an application's own catch-all handler never
 * collides with it; {@link UnexpectedErrorHandler} covers the rest until the application has one.
 */
@Internal
@Produces
@Singleton
final class SessionKitExceptionHandler implements ExceptionHandler<SessionKitException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(SessionKitExceptionHandler.class);

    private final ErrorAnswers answers;

    SessionKitExceptionHandler(ErrorAnswers answers) {
        this.answers = answers;
    }

    @Override
    @SuppressWarnings("rawtypes") // ExceptionHandler declares the request raw; an override must match
    public HttpResponse<?> handle(HttpRequest request, SessionKitException exception) {
        if (exception.status() == HttpStatus.INTERNAL_SERVER_ERROR.getCode()) {
            LOG.error("{} {}: {}", request.getMethodName(), request.getPath(), exception.getMessage());
        }
        return answers.answer(request, HttpResponse.status(HttpStatus.valueOf(exception.status())), exception);
    }
}
