package dev.sessionkit.store;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One page of the sessions in a namespace, as {@link KvAdaptor#scan} reads them.
 *
 * @param sessions the live sessions on this page, each with its store key
 * @param cursor where the next page starts, or null after the last page
 */
public record SessionPage(
        @NonNull List<Stored> sessions, @Nullable String cursor) {

    /**
     * A session as stored.
     *
     * @param key its store key (namespace + public id)
     * @param meta its metadata
     */
    public record Stored(@NonNull String key, @NonNull SessionMeta meta) {}

    /**
     * For stores whose cursor is the last key of the previous page.
     *
     * @param cursor the cursor asked for, or null for the first page
     * @param namespace the namespace listed
     * @throws InvalidCursorException when the cursor is not a key of that namespace
     */
    public static void requireKeyCursor(@Nullable String cursor, @NonNull String namespace) {
        if (cursor != null && !cursor.startsWith(namespace)) {
            throw new InvalidCursorException(cursor);
        }
    }
}
