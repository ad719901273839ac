package dev.sessionkit.store;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A delta to an existing session: the new metadata, the fields that changed and the fields that
 * went away. Fields not named are left as the store has them, so two requests that change
 * different fields of one session both persist. A write from {@code update(fn)} also carries
 * what its changed fields held when the request read them: the store applies it only if they
 * still do (a compare-and-set), so that a concurrent change of the same field is never lost.
 *
 * @param meta the metadata to store
 * @param put changed fields, name to JSON value
 * @param remove fields to delete
 * @param expected fields that must still hold exactly this JSON text for the write to apply
 * @param expectedAbsent fields that must still be absent for the write to apply
 */
public record SessionWrite(
        @NonNull SessionMeta meta,
        @NonNull Map<String, String> put,
        @NonNull Set<String> remove,
        @NonNull Map<String, String> expected,
        @NonNull Set<String> expectedAbsent) {

    /** Copies the collections so that a write can be handed to another thread. */
    public SessionWrite {
        put = Map.copyOf(put);
        remove = Set.copyOf(remove);
        expected = Map.copyOf(expected);
        expectedAbsent = Set.copyOf(expectedAbsent);
    }

    /**
     * A blind write, applied whatever the fields hold (last writer wins).
     *
     * @param meta the metadata to store
     * @param put changed fields, name to JSON value
     * @param remove fields to delete
     */
    public SessionWrite(@NonNull SessionMeta meta, @NonNull Map<String, String> put, @NonNull Set<String> remove) {
        this(meta, put, remove, Map.of(), Set.of());
    }

    /**
     * Whether this write only moves the metadata (a touch).
     *
     * @return true when no field changes
     */
    public boolean isTouchOnly() {
        return put.isEmpty() && remove.isEmpty();
    }

    /** @return whether the write is conditional on what some fields hold */
    public boolean isConditional() {
        return !expected.isEmpty() || !expectedAbsent.isEmpty();
    }

    /**
     * The compare half of the compare-and-set, for a store that holds a session's fields as a map
     * and checks them under the lock it writes under.
     *
     * @param fields the session's fields as stored now
     * @return whether every expected field holds its expected JSON text and every expected-absent field is absent
     */
    public boolean holdsFor(@NonNull Map<String, String> fields) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!e.getValue().equals(fields.get(e.getKey()))) {
                return false;
            }
        }
        for (String name : expectedAbsent) {
            if (fields.containsKey(name)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param fields the session's fields as stored now
     * @return the fields with this delta applied; {@code fields} itself when the write is a touch
     */
    public @NonNull Map<String, String> applyTo(@NonNull Map<String, String> fields) {
        if (isTouchOnly()) {
            return fields;
        }
        Map<String, String> merged = new HashMap<>(fields);
        merged.putAll(put);
        merged.keySet().removeAll(remove);
        return merged;
    }

    /**
     * @param name a field
     * @return the JSON text the write expects the field to hold, or null when it expects nothing of it
     */
    public @Nullable String expectedJson(@NonNull String name) {
        return expected.get(name);
    }
}
