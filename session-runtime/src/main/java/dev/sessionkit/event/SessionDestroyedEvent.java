package dev.sessionkit.event;

import io.micronaut.core.annotation.NonNull;

/**
 * A session was ended and deleted from the store.
 *
 * @param id its public id
 */
public record SessionDestroyedEvent(@NonNull String id) {}
