package dev.sessionkit.store.redis;

import dev.sessionkit.store.SessionStoreException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The Lua scripts that make each session write one command, and how they are run. */
enum RedisScripts {

    /** KEYS[1] the session; ARGV[1] TTL in ms; then the field/value pairs. */
    CREATE("""
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """),

    /**
     * Save-if-exists. KEYS[1] the session; ARGV[1] TTL in ms; ARGV[2] the number n of pairs;
     * then n field/value pairs; then the fields to delete.
     */
    UPDATE("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local n = tonumber(ARGV[2])
            if n > 0 then redis.call('HSET', KEYS[1], unpack(ARGV, 3, 2 + 2 * n)) end
            if #ARGV > 2 + 2 * n then redis.call('HDEL', KEYS[1], unpack(ARGV, 3 + 2 * n)) end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """),

    /**
     * Save-if-exists and compare-and-set. KEYS[1] the session; ARGV[1] TTL in ms; ARGV[2] the
     * number n of pairs to set; ARGV[3] the number e of expected pairs; ARGV[4] the number a of
     * fields expected absent; then the n pairs, the e pairs, the a names, and the fields to
     * delete. Answers {0} when the session is gone, {1} when written, and the whole hash when an
     * expectation failed, so the writer retries without reading again.
     */
    UPDATE_IF("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
            local n, e, a = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
            local i = 5 + 2 * n
            for j = i, i + 2 * e - 1, 2 do
              if redis.call('HGET', KEYS[1], ARGV[j]) ~= ARGV[j + 1] then return redis.call('HGETALL', KEYS[1]) end
            end
            i = i + 2 * e
            for j = i, i + a - 1 do
              if redis.call('HEXISTS', KEYS[1], ARGV[j]) == 1 then return redis.call('HGETALL', KEYS[1]) end
            end
            i = i + a
            if n > 0 then redis.call('HSET', KEYS[1], unpack(ARGV, 5, 4 + 2 * n)) end
            if #ARGV >= i then redis.call('HDEL', KEYS[1], unpack(ARGV, i)) end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return {1}
            """),

    /**
     * Adds a session to its user's index. The index lives as long as its longest-lived member:
     * its lifetime is only ever extended, so signing in from an old session can never make the
     * index lapse while a newer session is alive. KEYS[1] the index; ARGV[1] score; ARGV[2] the
     * session key; ARGV[3] the session's absolute TTL in ms.
     */
    INDEX("""
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            local ttl = tonumber(ARGV[3])
            if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
            return 1
            """);

    private final String source;
    private final String sha;

    RedisScripts(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    /** EVALSHA, falling back to EVAL (which caches the script) on a node that has not seen it yet. */
    CompletionStage<Long> run(RedisClusterAsyncCommands<String, String> redis, String key, String[] args) {
        return run(redis, ScriptOutputType.INTEGER, key, args);
    }

    /** As {@link #run}, for a script that answers an array: integers arrive as Long, strings as String. */
    CompletionStage<List<Object>> runForArray(
            RedisClusterAsyncCommands<String, String> redis, String key, String[] args) {
        return run(redis, ScriptOutputType.MULTI, key, args);
    }

    private <T> CompletionStage<T> run(
            RedisClusterAsyncCommands<String, String> redis, ScriptOutputType output, String key, String[] args) {
        String[] keys = {key};
        return redis.<T>evalsha(sha, output, keys, args)
                .exceptionallyCompose(error -> SessionStoreException.causeOf(error) instanceof RedisNoScriptException
                        ? redis.<T>eval(source, output, keys, args)
                        : CompletableFuture.failedFuture(new SessionStoreException(
                                "Redis script failed", SessionStoreException.causeOf(error))));
    }

    private static String sha1(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is unavailable in this JVM", e);
        }
    }
}
