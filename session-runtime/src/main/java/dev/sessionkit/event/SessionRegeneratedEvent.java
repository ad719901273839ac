package dev.sessionkit.event;

import io.micronaut.core.annotation.NonNull;

/**
 * A session moved to a new token; the old one no longer works.
 *
 * @param previousHandle the retired handle
 * @param handle the new handle
 */
public record SessionRegeneratedEvent(
        @NonNull String previousHandle, @NonNull String handle) {}
