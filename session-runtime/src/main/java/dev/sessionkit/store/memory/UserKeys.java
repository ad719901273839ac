package dev.sessionkit.store.memory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The memory store's index of each user's session keys, so that listing or ending one user's
 * sessions looks at theirs only. A user with no session left has no entry.
 */
final class UserKeys {

    private final Map<String, Set<String>> byUser = new ConcurrentHashMap<>();

    /** Enters a signed-in session's key under its user. */
    void add(String userId, String key) {
        byUser.compute(userId, (u, keys) -> {
            Set<String> set = keys == null ? ConcurrentHashMap.newKeySet() : keys;
            set.add(key);
            return set;
        });
    }

    /** Takes a key out of its user's set, and the set out when it is empty. */
    void remove(String userId, String key) {
        byUser.computeIfPresent(userId, (u, keys) -> {
            keys.remove(key);
            return keys.isEmpty() ? null : keys;
        });
    }

    /** @return a copy of the user's keys, in no order; empty for a user without sessions */
    List<String> of(String userId) {
        return List.copyOf(byUser.getOrDefault(userId, Set.of()));
    }
}
