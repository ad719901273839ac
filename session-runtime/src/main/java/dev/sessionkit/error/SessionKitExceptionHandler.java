package dev.sessionkit.error;

import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers every {@link SessionKitException} with its status and safe message. */
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
        if (exception.status() == 500) {
            LOG.error("{} {}: {}", request.getMethodName(), request.getPath(), exception.getMessage());
        }
        MutableHttpResponse<?> response = HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(exception.status()));
        return answers.answer(request, response, exception);
    }
}
