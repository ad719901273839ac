package dev.sessionkit.event;

import io.micronaut.core.annotation.NonNull;

/**
 * A session was written to the store for the first time.
 *
 * @param id its public id
 */
public record SessionCreatedEvent(@NonNull String id) {}
