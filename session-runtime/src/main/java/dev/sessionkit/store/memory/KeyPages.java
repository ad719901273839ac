package dev.sessionkit.store.memory;

import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionPage;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Pages through keys in key order without sorting them all: one pass keeps the {@code limit}
 * smallest keys after the cursor, so a page costs O(n log limit) and holds no lock.
 */
final class KeyPages {

    private KeyPages() {}

    static SessionPage page(
            Iterable<String> keys,
            String namespace,
            @Nullable String cursor,
            int limit,
            Function<String, @Nullable SessionMeta> live) {
        SessionPage.requireKeyCursor(cursor, namespace);
        TreeSet<String> smallest = new TreeSet<>();
        for (String key : keys) {
            if (key.startsWith(namespace) && (cursor == null || key.compareTo(cursor) > 0)) {
                smallest.add(key);
                if (smallest.size() > limit) {
                    smallest.pollLast();
                }
            }
        }
        List<SessionPage.Stored> sessions = new ArrayList<>(smallest.size());
        for (String key : smallest) {
            SessionMeta meta = live.apply(key);
            if (meta != null) {
                sessions.add(new SessionPage.Stored(key, meta));
            }
        }
        return new SessionPage(sessions, smallest.size() < limit ? null : smallest.last());
    }
}
