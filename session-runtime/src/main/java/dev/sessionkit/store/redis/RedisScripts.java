package dev.sessionkit.store.redis;

import dev.sessionkit.store.SessionStoreException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        String[] keys = {key};
        return redis.<Long>evalsha(sha, ScriptOutputType.INTEGER, keys, args)
                .exceptionallyCompose(error -> SessionStoreException.causeOf(error) instanceof RedisNoScriptException
                        ? redis.<Long>eval(source, ScriptOutputType.INTEGER, keys, args)
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
