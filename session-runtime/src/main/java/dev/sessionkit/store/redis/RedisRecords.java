package dev.sessionkit.store.redis;

import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionWrite;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Redis hash layout of a session: metadata under names starting with {@code $} (which no
 * field can have), and one entry per field holding its JSON.
 */
final class RedisRecords {

    static final String CREATED = "$c";
    static final String TOUCHED = "$t";
    static final String IDLE_EXPIRY = "$i";
    static final String ABSOLUTE_EXPIRY = "$a";
    static final String USER = "$u";
    static final String IP = "$ip";
    static final String USER_AGENT = "$ua";
    static final String LABEL = "$l";
    static final String SIGNED_IN = "$s";
    static final String SIGN_IN_META = "$m";

    private RedisRecords() {}

    /** @return the record, or null for an empty hash or one without metadata */
    static @Nullable SessionRecord fromHash(Map<String, String> hash) {
        String created = hash.get(CREATED);
        if (created == null) {
            return null;
        }
        Map<String, String> fields = new HashMap<>(hash.size());
        for (Map.Entry<String, String> e : hash.entrySet()) {
            if (e.getKey().charAt(0) != '$') {
                fields.put(e.getKey(), e.getValue());
            }
        }
        SessionMeta meta = new SessionMeta(
                Long.parseLong(created),
                number(hash, TOUCHED),
                number(hash, IDLE_EXPIRY),
                number(hash, ABSOLUTE_EXPIRY),
                hash.get(USER),
                hash.get(IP),
                hash.get(USER_AGENT),
                hash.get(LABEL),
                hash.containsKey(SIGNED_IN) ? number(hash, SIGNED_IN) : 0,
                hash.get(SIGN_IN_META));
        return new SessionRecord(meta, fields);
    }

    /** Metadata and fields as alternating names and values, ready for HSET. */
    static List<String> pairs(SessionMeta meta, Map<String, String> fields) {
        List<String> pairs = new ArrayList<>(16 + fields.size() * 2);
        addMeta(pairs, meta);
        fields.forEach((name, json) -> {
            pairs.add(name);
            pairs.add(json);
        });
        return pairs;
    }

    /** Metadata fields a write clears because they became null. */
    static List<String> clearedMeta(SessionMeta meta) {
        List<String> cleared = new ArrayList<>(4);
        addIfNull(cleared, USER, meta.userId());
        addIfNull(cleared, IP, meta.ip());
        addIfNull(cleared, USER_AGENT, meta.userAgent());
        addIfNull(cleared, LABEL, meta.label());
        addIfNull(cleared, SIGNED_IN, meta.signedInAt() == 0 ? null : "set");
        addIfNull(cleared, SIGN_IN_META, meta.signInMeta());
        return cleared;
    }

    /** The removals of a write: its removed fields plus metadata that became null. */
    static List<String> removals(SessionWrite write) {
        List<String> removals = clearedMeta(write.meta());
        removals.addAll(write.remove());
        return removals;
    }

    private static void addMeta(List<String> pairs, SessionMeta meta) {
        add(pairs, CREATED, Long.toString(meta.createdAt()));
        add(pairs, TOUCHED, Long.toString(meta.touchedAt()));
        add(pairs, IDLE_EXPIRY, Long.toString(meta.idleExpiresAt()));
        add(pairs, ABSOLUTE_EXPIRY, Long.toString(meta.absoluteExpiresAt()));
        add(pairs, USER, meta.userId());
        add(pairs, IP, meta.ip());
        add(pairs, USER_AGENT, meta.userAgent());
        add(pairs, LABEL, meta.label());
        add(pairs, SIGNED_IN, meta.signedInAt() == 0 ? null : Long.toString(meta.signedInAt()));
        add(pairs, SIGN_IN_META, meta.signInMeta());
    }

    private static void add(List<String> pairs, String name, @Nullable String value) {
        if (value != null) {
            pairs.add(name);
            pairs.add(value);
        }
    }

    private static void addIfNull(List<String> names, String name, @Nullable String value) {
        if (value == null) {
            names.add(name);
        }
    }

    private static long number(Map<String, String> hash, String name) {
        String value = hash.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }
}
