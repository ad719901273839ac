package dev.sessionkit.error;

import io.micronaut.context.exceptions.ConfigurationException;

/**
 * A set-up mistake the application must fix before it can start: a missing secret, a middleware
 * out of order, an unguarded guarded route. Its message names what to set. The application
 * builder prints it as one line instead of a stack trace.
 */
public final class SessionSetupException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to set */
    public SessionSetupException(String message) {
        super(message);
    }
}
