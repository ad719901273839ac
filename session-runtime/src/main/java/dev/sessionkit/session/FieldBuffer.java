package dev.sessionkit.session;

import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionWrite;
import io.micronaut.core.annotation.Nullable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A session's fields as loaded, with this request's changes kept apart, so that a commit can
 * send either the whole session or only the delta. It also keeps the size the fields would take
 * in the store, which {@code session.max-payload-bytes} bounds.
 */
final class FieldBuffer {

    private Map<String, String> loaded;
    private @Nullable Map<String, String> changes;
    private int bytes;

    FieldBuffer(Map<String, String> loaded) {
        this.loaded = loaded;
        this.bytes = sizeOf(loaded);
    }

    /** @return the field's JSON as this request sees it, or null when absent */
    @Nullable
    String get(String name) {
        if (changes != null && changes.containsKey(name)) {
            return changes.get(name);
        }
        return loaded.get(name);
    }

    /** @return the size the fields would have with {@code name} set to {@code json} (null removes) */
    int bytesWith(String name, @Nullable String json) {
        return bytes - entrySize(name, get(name)) + entrySize(name, json);
    }

    /** @return the size of the fields, in UTF-8 bytes of names and JSON values */
    int bytes() {
        return bytes;
    }

    /** Sets {@code name} to {@code json}; null removes it. */
    void put(String name, @Nullable String json) {
        int size = bytesWith(name, json);
        if (changes == null) {
            changes = new HashMap<>();
        }
        changes.put(name, json);
        bytes = size;
    }

    /** @return this request's changes so far, name to JSON (null removes) */
    Map<String, String> changes() {
        return changes == null ? Map.of() : changes;
    }

    /** Replaces the loaded fields with {@code current} and forgets the changes, to make them again. */
    void reload(Map<String, String> current) {
        loaded = current;
        changes = null;
        bytes = sizeOf(current);
    }

    /** Forgets every field, loaded or changed. */
    void clear() {
        loaded = Map.of();
        changes = null;
        bytes = 0;
    }

    boolean hasChanges() {
        return changes != null && !changes.isEmpty();
    }

    /** @return the whole session as it should be stored now */
    SessionRecord snapshot(SessionMeta meta) {
        if (changes == null) {
            return new SessionRecord(meta, loaded);
        }
        Map<String, String> all = new HashMap<>(loaded);
        changes.forEach((name, json) -> {
            if (json == null) {
                all.remove(name);
            } else {
                all.put(name, json);
            }
        });
        return new SessionRecord(meta, all);
    }

    /**
     * @param meta the metadata to store
     * @param guarded changed fields that must still hold what was loaded for the write to apply
     * @return only the changes, for a save-if-exists update
     */
    SessionWrite delta(SessionMeta meta, Set<String> guarded) {
        if (changes == null) {
            return new SessionWrite(meta, Map.of(), Set.of());
        }
        Map<String, String> put = new HashMap<>();
        Set<String> remove = new HashSet<>();
        changes.forEach((name, json) -> {
            if (json == null) {
                remove.add(name);
            } else {
                put.put(name, json);
            }
        });
        if (guarded.isEmpty()) {
            return new SessionWrite(meta, put, remove);
        }
        Map<String, String> expected = new HashMap<>();
        Set<String> absent = new HashSet<>();
        for (String name : guarded) {
            String was = loaded.get(name);
            if (was == null) {
                absent.add(name);
            } else {
                expected.put(name, was);
            }
        }
        return new SessionWrite(meta, put, remove, expected, absent);
    }

    /** Refuses names the store or SessionKit reserve. */
    static void checkName(String name) {
        boolean internal = name.startsWith(Flash.PREFIX) || name.startsWith(Session.INTERNAL_PREFIX);
        if (name.isEmpty() || name.charAt(0) == '$' || (name.indexOf(':') >= 0 && !internal)) {
            throw new IllegalArgumentException("Session field name '" + name
                    + "' is reserved; use a non-empty name without ':' that does not start with '$'");
        }
    }

    /** @return the UTF-8 size of sign-in data that came from the request, counted with the fields */
    static int metaBytes(
            @Nullable String userId,
            @Nullable String ip,
            @Nullable String agent,
            @Nullable String label,
            @Nullable String signInMeta) {
        return utf8Length(userId) + utf8Length(ip) + utf8Length(agent) + utf8Length(label) + utf8Length(signInMeta);
    }

    static int metaBytes(@Nullable SessionMeta meta) {
        return meta == null
                ? 0
                : metaBytes(meta.userId(), meta.ip(), meta.userAgent(), meta.label(), meta.signInMeta());
    }

    private static int sizeOf(Map<String, String> fields) {
        int size = 0;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            size += entrySize(e.getKey(), e.getValue());
        }
        return size;
    }

    private static int entrySize(String name, @Nullable String json) {
        return json == null ? 0 : utf8Length(name) + utf8Length(json);
    }

    private static int utf8Length(@Nullable String s) {
        if (s == null) {
            return 0;
        }
        int bytes = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x800) {
                bytes += Character.isSurrogate(c) ? 1 : 2;
            } else if (c >= 0x80) {
                bytes++;
            }
        }
        return bytes;
    }
}
