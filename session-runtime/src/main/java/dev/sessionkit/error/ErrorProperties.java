package dev.sessionkit.error;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How much of a server error a client sees.
 *
 * @param hideErrorDetails whether a 500 says only "Internal server error" (the exception goes to the log); false adds the exception's message, for development
 */
@ConfigurationProperties("session")
public record ErrorProperties(
        @Bindable(defaultValue = "true") boolean hideErrorDetails) {}
