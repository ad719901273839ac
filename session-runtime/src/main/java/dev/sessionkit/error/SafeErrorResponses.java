package dev.sessionkit.error;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

/**
 * Micronaut's own error answers (a value that does not convert, a body that is not JSON, a missing
 * argument, an unknown route) in SessionKit's shape, with a message made from what was wrong and
 * never from the exception's text, which quotes parser output, Java types and input. Micronaut's
 * default processor stands aside for any other; this one is {@link Secondary}, so an application's
 * own processor (Problem JSON, say) wins, and {@code session.hide-error-details: false} brings the
 * default back.
 */
@Internal
@Singleton
@Secondary
@Requires(property = "session.hide-error-details", notEquals = "false")
final class SafeErrorResponses implements ErrorResponseProcessor<Object> {

    private final ErrorAnswers answers;

    SafeErrorResponses(ErrorAnswers answers) {
        this.answers = answers;
    }

    @Override
    @SuppressWarnings("unchecked") // the answer's body is ours, whatever the response held
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        return (MutableHttpResponse<Object>)
                answers.answer(context.getRequest(), response, status, message(context, status));
    }

    private static String message(ErrorContext context, int status) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConversionErrorException conversion) {
            return isBody(conversion.getArgument().getName(), conversion)
                    ? "The request body does not have the expected fields and types"
                    : "The value of '" + conversion.getArgument().getName() + "' is not valid";
        }
        if (cause instanceof UnsatisfiedArgumentException missing) {
            return "'" + missing.getArgument().getName() + "' is required";
        }
        if (cause instanceof UnsatisfiedRouteException missing) {
            return "'" + missing.getArgument().getName() + "' is required";
        }
        if (cause != null && isJson(cause)) {
            return "The request body is not valid JSON";
        }
        HttpStatus known = HttpStatus.valueOf(status);
        return known.getReason();
    }

    private static boolean isBody(String name, ConversionErrorException conversion) {
        return name.isEmpty() || isJson(conversion.getCause());
    }

    private static boolean isJson(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            if (type.contains("Json") || type.contains("Jackson") || type.startsWith("io.micronaut.serde")) {
                return true;
            }
        }
        return false;
    }
}
