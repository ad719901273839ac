package dev.sessionkit.error;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The JSON body of a session error: {@code {"success":false,"message":"..."}}.
 *
 * @param success always false
 * @param message what went wrong, for a person
 */
@Serdeable
public record ErrorBody(boolean success, @NonNull String message) {}
