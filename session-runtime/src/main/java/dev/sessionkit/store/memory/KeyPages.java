package dev.sessionkit.store.memory;

import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionPage;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;

/**
 * The store's keys in key order, so that a page starts where the last one ended: it costs the
 * keys it holds plus a lookup, however many sessions there are, and takes no lock. A key is
 * added when its session is created and removed when it is deleted, never on an update.
 */
final class KeyPages {

    private final ConcurrentSkipListSet<String> keys = new ConcurrentSkipListSet<>();

    void add(String key) {
        keys.add(key);
    }

    void remove(String key) {
        keys.remove(key);
    }

    SessionPage page(
            String namespace, @Nullable String cursor, int limit, Function<String, @Nullable SessionMeta> live) {
        SessionPage.requireKeyCursor(cursor, namespace);
        List<SessionPage.Stored> sessions = new ArrayList<>(limit);
        int taken = 0;
        String last = null;
        for (String key : cursor == null ? keys.tailSet(namespace, true) : keys.tailSet(cursor, false)) {
            if (!key.startsWith(namespace) || taken == limit) {
                break;
            }
            taken++;
            last = key;
            SessionMeta meta = live.apply(key);
            if (meta != null) {
                sessions.add(new SessionPage.Stored(key, meta));
            }
        }
        return new SessionPage(sessions, taken < limit ? null : last);
    }
}
