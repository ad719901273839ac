package dev.sessionkit.user;

import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolved user contexts by session's public id or token hash, each kept for a TTL. Bounded: when
 * full it starts afresh, which costs some look-ups and never memory.
 */
final class BridgeCache {

    private record Entry(AuthContext context, long expiresAt) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;

    BridgeCache(Clock clock, long ttlMillis, int maxEntries) {
        this.clock = clock;
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    @Nullable
    AuthContext get(String key) {
        if (ttlMillis <= 0) {
            return null;
        }
        Entry entry = entries.get(key);
        if (entry == null || entry.expiresAt <= clock.millis()) {
            return null;
        }
        return entry.context;
    }

    void put(String key, AuthContext context) {
        if (ttlMillis <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry(context, clock.millis() + ttlMillis));
    }

    void remove(String key) {
        entries.remove(key);
    }

    /** Forgets every cached context of a subject, so a role change shows on the next request. */
    void invalidate(String subject) {
        entries.values().removeIf(entry -> entry.context.subject().equals(subject));
    }
}
