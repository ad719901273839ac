package dev.sessionkit.store.redis;

import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.store.UpdateResult;
import io.micronaut.core.annotation.Nullable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The arguments of the update scripts and the meaning of their answers. */
final class RedisUpdates {

    private RedisUpdates() {}

    /** @return the {@link RedisScripts#UPDATE} arguments of a blind write */
    static String[] blind(SessionWrite write, String ttl) {
        List<String> pairs = RedisRecords.pairs(write.meta(), write.put());
        List<String> removals = RedisRecords.removals(write);
        String[] args = new String[2 + pairs.size() + removals.size()];
        args[0] = ttl;
        args[1] = Integer.toString(pairs.size() / 2);
        int i = 2;
        for (String s : pairs) {
            args[i++] = s;
        }
        for (String s : removals) {
            args[i++] = s;
        }
        return args;
    }

    /** @return the {@link RedisScripts#UPDATE_IF} arguments of a conditional write */
    static String[] conditional(SessionWrite write, String ttl) {
        List<String> pairs = RedisRecords.pairs(write.meta(), write.put());
        List<String> removals = RedisRecords.removals(write);
        int size = 4
                + pairs.size()
                + 2 * write.expected().size()
                + write.expectedAbsent().size()
                + removals.size();
        String[] args = new String[size];
        args[0] = ttl;
        args[1] = Integer.toString(pairs.size() / 2);
        args[2] = Integer.toString(write.expected().size());
        args[3] = Integer.toString(write.expectedAbsent().size());
        int i = 4;
        for (String s : pairs) {
            args[i++] = s;
        }
        for (Map.Entry<String, String> e : write.expected().entrySet()) {
            args[i++] = e.getKey();
            args[i++] = e.getValue();
        }
        for (String name : write.expectedAbsent()) {
            args[i++] = name;
        }
        for (String s : removals) {
            args[i++] = s;
        }
        return args;
    }

    /** @return what an {@link RedisScripts#UPDATE_IF} answer means */
    static UpdateResult result(List<Object> answer) {
        if (answer.size() == 1) {
            return Long.valueOf(1).equals(answer.get(0)) ? UpdateResult.APPLIED : UpdateResult.GONE;
        }
        Map<String, String> hash = new HashMap<>(answer.size());
        for (int i = 0; i + 1 < answer.size(); i += 2) {
            hash.put((String) answer.get(i), (String) answer.get(i + 1));
        }
        @Nullable SessionRecord current = RedisRecords.fromHash(hash);
        return current == null ? UpdateResult.GONE : UpdateResult.conflict(current);
    }
}
