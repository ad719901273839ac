package dev.sessionkit.store.redis;

import dev.sessionkit.store.InvalidCursorException;
import dev.sessionkit.store.SessionPage;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.token.TokenCodec;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.async.RedisKeyAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages through a namespace's sessions with SCAN (never KEYS): each call asks one server for
 * about {@code limit} keys. On Redis Cluster it scans each master in turn, so the cursor is the
 * master's position (by node id) and that master's SCAN cursor. As with SCAN itself, a session
 * that lives through the whole listing appears at least once, and may appear twice.
 */
final class RedisScan {

    private RedisScan() {}

    /** The node's position and its SCAN cursor, as {@link #next} writes them. */
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,9}):(\\d{1,20})");

    static CompletionStage<SessionPage> page(
            RedisClusterAsyncCommands<String, String> redis,
            Clock clock,
            String namespace,
            @Nullable String cursor,
            int limit) {
        List<RedisKeyAsyncCommands<String, String>> nodes = masters(redis);
        int node = 0;
        String scanCursor = "0";
        if (cursor != null) {
            Matcher parts = CURSOR.matcher(cursor);
            node = parts.matches() && isUnsigned64(parts.group(2)) ? Integer.parseInt(parts.group(1)) : -1;
            if (node < 0 || node >= Math.max(1, nodes.size())) {
                throw new InvalidCursorException(cursor);
            }
            scanCursor = parts.group(2);
        }
        RedisKeyAsyncCommands<String, String> server = nodes.isEmpty() ? redis : nodes.get(node);
        ScanArgs args = ScanArgs.Builder.matches(glob(namespace) + "*").limit(limit);
        int current = node;
        return server.scan(ScanCursor.of(scanCursor), args).thenCompose(page -> {
            String next = next(page, current, nodes.size());
            List<String> keys = page.getKeys().stream()
                    .filter(key -> TokenCodec.isPublicId(key.substring(namespace.length()))) // not user indexes
                    .distinct()
                    .toList();
            List<CompletableFuture<Map<String, String>>> reads = new ArrayList<>(keys.size());
            for (String key : keys) {
                reads.add(redis.hgetall(key).toCompletableFuture());
            }
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .thenApply(all -> {
                        List<SessionPage.Stored> sessions = new ArrayList<>(keys.size());
                        for (int i = 0; i < keys.size(); i++) {
                            SessionRecord record =
                                    RedisRecords.fromHash(reads.get(i).join());
                            if (record != null && !record.meta().isExpired(clock.millis())) {
                                sessions.add(new SessionPage.Stored(keys.get(i), record.meta()));
                            }
                        }
                        return new SessionPage(sessions, next);
                    });
        });
    }

    /** SCAN cursors are unsigned 64-bit numbers: Redis refuses a larger one with an error. */
    private static boolean isUnsigned64(String digits) {
        try {
            Long.parseUnsignedLong(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** @return the next page's cursor: the same node's, the next node's start, or null when done */
    private static @Nullable String next(KeyScanCursor<String> page, int node, int nodes) {
        if (!page.isFinished()) {
            return node + ":" + page.getCursor();
        }
        return node + 1 < nodes ? (node + 1) + ":0" : null;
    }

    /** @return each cluster master's commands, ordered by node id; none for a standalone server */
    private static List<RedisKeyAsyncCommands<String, String>> masters(
            RedisClusterAsyncCommands<String, String> redis) {
        if (!(redis instanceof RedisAdvancedClusterAsyncCommands<String, String> cluster)) {
            return List.of();
        }
        return cluster.upstream().asMap().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().getNodeId()))
                .<RedisKeyAsyncCommands<String, String>>map(Map.Entry::getValue)
                .toList();
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
