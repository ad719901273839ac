package dev.sessionkit.store.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.core.annotation.NonNull;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns on Redis's server-assisted client-side caching (RESP3 {@code CLIENT TRACKING}) for a
 * loop's connection and feeds what Redis pushes into the {@link NearCache}: an invalidated key is
 * dropped, a flush of the database drops everything. A closed connection may have missed
 * invalidations: its copies are dropped, and its loop opens a new connection, tracked afresh
 * before it serves a read. One that has not answered a ping within two heartbeats is not
 * believed until it answers again (see {@link CopyTable}).
 */
final class Invalidations {

    private static final Logger LOG = LoggerFactory.getLogger(Invalidations.class);
    private static final String INVALIDATE = "invalidate";

    private final NearCache cache;
    private final long heartbeatNanos;

    /**
     * @param cache the copies to keep honest
     * @param heartbeat how often to ping each tracking connection
     */
    Invalidations(@NonNull NearCache cache, @NonNull Duration heartbeat) {
        this.cache = cache;
        this.heartbeatNanos = heartbeat.toNanos();
    }

    @NonNull
    NearCache cache() {
        return cache;
    }

    /**
     * @param connection a new connection, before it serves any read
     * @param loop the loop it lives on, which runs its heartbeat
     * @return the connection's copy table, once Redis has confirmed tracking
     */
    CompletableFuture<CopyTable> enable(StatefulRedisConnection<String, String> connection, EventLoop loop) {
        CopyTable table = new CopyTable(2 * heartbeatNanos);
        connection.addListener(this::onPush);
        connection.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                lost(table);
            }
        });
        long sent = System.nanoTime();
        return connection
                .async()
                .clientTracking(TrackingArgs.Builder.enabled())
                .toCompletableFuture()
                .thenApply(ok -> {
                    table.answered(sent);
                    ScheduledFuture<?> beats = loop.scheduleAtFixedRate(
                            () -> beat(connection, table), heartbeatNanos, heartbeatNanos, TimeUnit.NANOSECONDS);
                    connection.addListener(new RedisConnectionStateListener() {
                        @Override
                        public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                            beats.cancel(false);
                        }
                    });
                    return table;
                });
    }

    /**
     * Pings, and nothing else: while no ping sent within the last two heartbeats has been
     * answered, the table withholds the copies by itself. A silent connection is not closed, as
     * a Redis starved of CPU for a moment is common and closing would fail every request waiting
     * on the connection; its invalidations are late, not lost, and arrive before the next answer.
     */
    private void beat(StatefulRedisConnection<String, String> connection, CopyTable table) {
        long sent = System.nanoTime();
        connection.async().ping().thenRun(() -> table.answered(sent));
    }

    private void lost(CopyTable table) {
        if (table.lose()) {
            LOG.debug("A tracking Redis connection closed; its near-cache copies are dropped");
            cache.drop(table);
        }
    }

    private void onPush(PushMessage message) {
        if (!INVALIDATE.equals(message.getType())) {
            return;
        }
        List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
        if (content.size() < 2 || !(content.get(1) instanceof List<?> keys)) {
            cache.clear(); // a null list: the database was flushed
            return;
        }
        for (Object key : keys) {
            cache.invalidate(String.valueOf(key));
        }
    }
}
