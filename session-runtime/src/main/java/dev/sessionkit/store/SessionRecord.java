package dev.sessionkit.store;

import io.micronaut.core.annotation.NonNull;
import java.util.Map;

/**
 * A whole stored session: its metadata and its fields, each field's value a JSON document.
 *
 * @param meta the bookkeeping
 * @param fields field name to JSON value; never modified after construction
 */
public record SessionRecord(
        @NonNull SessionMeta meta, @NonNull Map<String, String> fields) {

    /** Copies {@code fields} so that a record can be shared between threads. */
    public SessionRecord {
        fields = Map.copyOf(fields);
    }
}
