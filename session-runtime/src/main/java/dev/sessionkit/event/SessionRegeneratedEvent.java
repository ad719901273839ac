package dev.sessionkit.event;

import io.micronaut.core.annotation.NonNull;

/**
 * A session moved to a new token; the old one no longer works.
 *
 * @param previousId the retired public id
 * @param id the new public id
 */
public record SessionRegeneratedEvent(
        @NonNull String previousId, @NonNull String id) {}
