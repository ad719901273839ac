package dev.sessionkit.testing;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Removes what tests wrote to a developer's Redis. A test names the key prefix it writes under;
 * when the JVM ends, every key under every named prefix is deleted (SCAN and UNLINK, never
 * KEYS), so a test run leaves the shared Redis as it found it.
 */
public final class RedisLitter {

    private static final Set<Prefix> PREFIXES = new LinkedHashSet<>();
    private static boolean hooked;

    private record Prefix(String uri, String prefix) {}

    private RedisLitter() {}

    /**
     * @param uri the Redis written to, such as {@code redis://127.0.0.1:6379}
     * @param prefix the start of every key the test writes; must not be empty
     * @return the prefix, for use in an expression
     */
    public static synchronized String removeAtExit(String uri, String prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("an empty prefix would delete every key");
        }
        PREFIXES.add(new Prefix(uri, prefix));
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(RedisLitter::removeAll, "remove-test-keys"));
            hooked = true;
        }
        return prefix;
    }

    /**
     * Deletes every key under {@code prefix} now.
     *
     * @param uri the Redis
     * @param prefix the key prefix
     * @return how many keys were deleted
     */
    public static long remove(String uri, String prefix) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            ScanArgs match = ScanArgs.Builder.matches(glob(prefix) + "*").limit(500);
            long removed = 0;
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, match);
                if (!page.getKeys().isEmpty()) {
                    removed += redis.unlink(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
            return removed;
        } finally {
            client.shutdown();
        }
    }

    private static synchronized void removeAll() {
        for (Prefix p : PREFIXES) {
            try {
                remove(p.uri(), p.prefix());
            } catch (RuntimeException gone) {
                // The server may have been a test's own and already stopped: nothing to clean.
            }
        }
    }

    private static String glob(String prefix) {
        StringBuilder escaped = new StringBuilder();
        for (char c : prefix.toCharArray()) {
            if ("*?[]\\".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
