package dev.sessionkit.store;

import io.micronaut.core.annotation.NonNull;
import java.util.Map;
import java.util.Set;

/**
 * A delta to an existing session: the new metadata, the fields that changed and the fields that
 * went away. Fields not named are left as the store has them, so two requests that change
 * different fields of one session both persist.
 *
 * @param meta the metadata to store
 * @param put changed fields, name to JSON value
 * @param remove fields to delete
 */
public record SessionWrite(
        @NonNull SessionMeta meta,
        @NonNull Map<String, String> put,
        @NonNull Set<String> remove) {

    /** Copies the collections so that a write can be handed to another thread. */
    public SessionWrite {
        put = Map.copyOf(put);
        remove = Set.copyOf(remove);
    }

    /**
     * Whether this write only moves the metadata (a touch).
     *
     * @return true when no field changes
     */
    public boolean isTouchOnly() {
        return put.isEmpty() && remove.isEmpty();
    }
}
