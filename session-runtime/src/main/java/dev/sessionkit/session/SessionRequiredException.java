package dev.sessionkit.session;

import dev.sessionkit.error.SessionKitException;
import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;

/** A route needs a session and the request has none; answered 401. */
public class SessionRequiredException extends SessionKitException {

    /** With the standard message. */
    public SessionRequiredException() {
        super(401, "Authentication required: this route needs a session");
    }

    /**
     * What a SessionKit argument binder answers when the request has no value for the parameter.
     *
     * @param context the parameter being bound
     * @param <T> its type
     * @return no value, for a {@code @Nullable} parameter
     * @throws SessionRequiredException for any other parameter (a 401)
     */
    public static <T> ArgumentBinder.BindingResult<T> unlessNullable(ArgumentConversionContext<T> context) {
        if (context.getArgument().isNullable()) {
            return ArgumentBinder.BindingResult.empty();
        }
        throw new SessionRequiredException();
    }
}
