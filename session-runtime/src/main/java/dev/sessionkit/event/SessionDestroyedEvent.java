package dev.sessionkit.event;

import io.micronaut.core.annotation.NonNull;

/**
 * A session was ended and deleted from the store.
 *
 * @param handle its public handle
 */
public record SessionDestroyedEvent(@NonNull String handle) {}
