package dev.sessionkit.store.redis;

import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionSummary;
import dev.sessionkit.token.TokenCodec;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Each user's sessions in Redis: a sorted set per user, in the sessions' namespace, of their
 * session keys scored by creation time. Sign-in adds to it and deletes take out of it (see {@link
 * RedisKvAdaptor}); listing and ending a user's sessions read it, and drop members whose session
 * has gone on the way, as Redis does not tell when a key merely expires.
 */
final class RedisUserIndex {

    private static final String USER_INFIX = "user:";

    private final RedisKvAdaptor store;

    RedisUserIndex(RedisKvAdaptor store) {
        this.store = store;
    }

    /** @return the user's sorted set of a session key: its namespace is the key minus the public id */
    static String key(String sessionKey, String userId) {
        return sessionKey.substring(0, sessionKey.length() - TokenCodec.PART_LENGTH) + USER_INFIX + userId;
    }

    /** @return the user's live sessions, most recently seen first */
    CompletionStage<List<SessionSummary>> list(String namespace, String userId) {
        String users = namespace + USER_INFIX + userId;
        return store.redis().zrange(users, 0, -1).thenCompose(keys -> {
            List<CompletableFuture<SessionSummary>> loads = new ArrayList<>(keys.size());
            for (String key : keys) {
                loads.add(store.load(key)
                        .thenApply(record -> summary(users, key, userId, record))
                        .toCompletableFuture());
            }
            return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
                    .thenApply(done -> {
                        List<SessionSummary> live = new ArrayList<>(loads.size());
                        for (CompletableFuture<SessionSummary> f : loads) {
                            if (f.join() != null) {
                                live.add(f.join());
                            }
                        }
                        live.sort(Comparator.comparingLong(SessionSummary::lastSeenAt)
                                .reversed());
                        return live;
                    });
        });
    }

    /** @return whether the session was the user's and is now deleted */
    CompletionStage<Boolean> deleteFor(String userId, String key) {
        return store.redis().hget(key, RedisRecords.USER).thenCompose(owner -> {
            if (!userId.equals(owner)) {
                return CompletableFuture.completedFuture(Boolean.FALSE);
            }
            return store.writing(key, true, () -> store.redis().del(key))
                    .thenCombine(store.redis().zrem(key(key, userId), key), (deleted, removed) -> deleted > 0);
        });
    }

    /** @return the keys of the user's sessions, but {@code keepKey}, that were deleted */
    CompletionStage<List<String>> deleteAll(String namespace, String userId, @Nullable String keepKey) {
        return store.redis().zrange(namespace + USER_INFIX + userId, 0, -1).thenCompose(keys -> {
            List<CompletableFuture<Boolean>> deletes = new ArrayList<>();
            List<String> candidates = new ArrayList<>();
            for (String key : keys) {
                if (!key.equals(keepKey)) {
                    candidates.add(key);
                    deletes.add(deleteFor(userId, key).toCompletableFuture());
                }
            }
            return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new))
                    .thenApply(done -> {
                        List<String> deleted = new ArrayList<>();
                        for (int i = 0; i < deletes.size(); i++) {
                            if (deletes.get(i).join()) {
                                deleted.add(candidates.get(i));
                            }
                        }
                        return deleted;
                    });
        });
    }

    private @Nullable SessionSummary summary(String users, String key, String userId, @Nullable SessionRecord record) {
        if (record == null || !userId.equals(record.meta().userId())) {
            store.redis().zrem(users, key);
            return null;
        }
        return SessionSummary.of(key, record.meta());
    }
}
