package dev.sessionkit.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolved user contexts by session's public id or token hash, each kept for a TTL. A context
 * that depends on request headers is kept with a digest of their values and reused only where
 * they match. Bounded: when full it starts afresh, which costs some look-ups and never memory.
 */
final class BridgeCache {

    private record Entry(
            AuthContext context,
            long expiresAt,
            Set<String> vary,
            @Nullable String digest) {}

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
        Entry entry = live(key);
        return entry == null ? null : entry.context;
    }

    /**
     * @param key the token's key
     * @param headers this request's headers
     * @return the context, if one is kept and the headers it depends on have the same values here
     */
    @Nullable
    AuthContext get(String key, HttpHeaders headers) {
        Entry entry = live(key);
        if (entry == null) {
            return null;
        }
        if (entry.digest != null && !entry.digest.equals(RecordingHeaders.digest(headers, entry.vary))) {
            return null;
        }
        return entry.context;
    }

    private @Nullable Entry live(String key) {
        Entry entry = entries.get(key);
        return entry == null || entry.expiresAt <= clock.millis() ? null : entry;
    }

    void put(String key, AuthContext context) {
        put(key, context, ttlMillis, Set.of(), null);
    }

    /**
     * @param ttl how long to keep it, in milliseconds; 0 or less not at all
     * @param vary the headers it depends on
     * @param digest their values' digest, or null when it depends on none
     */
    void put(String key, AuthContext context, long ttl, Set<String> vary, @Nullable String digest) {
        if (ttl <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry(context, clock.millis() + ttl, vary, digest));
    }

    /** @return the TTL configured for every context, in milliseconds */
    long ttlMillis() {
        return ttlMillis;
    }

    void remove(String key) {
        entries.remove(key);
    }

    /** Forgets every cached context of a subject, so a role change shows on the next request. */
    void invalidate(String subject) {
        entries.values().removeIf(entry -> entry.context.subject().equals(subject));
    }
}
