package dev.sessionkit.store.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.core.annotation.Nullable;
import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event loop's own Redis connection (see {@link LoopLocalConnections}), touched only on that
 * loop. Where it stands is one value: down until a retry is due, opening (and, with the near
 * cache, turning tracking on), up, or closed for good.
 */
final class LoopConnection {

    private static final Logger LOG = LoggerFactory.getLogger(LoopConnection.class);
    private static final long RETRY_AFTER_FAILURE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Where the loop's connection stands. */
    private sealed interface State permits Down, Opening, Up, Closed {}

    /** No connection; one may be opened from {@code retryAt} on, by {@link System#nanoTime()}. */
    private record Down(long retryAt) implements State {}

    /** A connection is being opened, or its tracking turned on; the shared connection serves meanwhile. */
    private record Opening() implements State {}

    /** The connection serves; {@code tracked} is set when the near cache may keep what it reads. */
    private record Up(
            StatefulRedisConnection<String, String> connection,
            RedisClusterAsyncCommands<String, String> commands,
            LoopLocalConnections.@Nullable Tracked tracked)
            implements State {}

    /** Closed with the application: never opened again. */
    private record Closed() implements State {}

    private static final State OPENING = new Opening();
    private static final State CLOSED = new Closed();

    private final EventLoop loop;
    private final LoopClients.Client client;
    private final RedisURI uri;
    private final @Nullable Invalidations invalidations;
    private final BooleanSupplier ownerClosed;
    private State state = new Down(System.nanoTime());

    /**
     * @param loop the loop the connection lives on
     * @param client the loop's Lettuce client
     * @param uri where Redis is
     * @param invalidations the near cache's, turned on before the connection serves; null for none
     * @param ownerClosed whether the application is closing its connections: none is opened then
     */
    LoopConnection(
            EventLoop loop,
            LoopClients.Client client,
            RedisURI uri,
            @Nullable Invalidations invalidations,
            BooleanSupplier ownerClosed) {
        this.loop = loop;
        this.client = client;
        this.uri = uri;
        this.invalidations = invalidations;
        this.ownerClosed = ownerClosed;
    }

    /** @return the connection's commands when it is up; else null, and a connection is opened if one is due */
    @Nullable
    RedisClusterAsyncCommands<String, String> commands() {
        if (state instanceof Up up) {
            if (up.connection().isOpen()) {
                return up.commands();
            }
            LOG.debug("The Redis connection of {} dropped; the shared one serves until it is back", loop);
            state = new Down(System.nanoTime() + RETRY_AFTER_FAILURE_NANOS);
            up.connection().closeAsync();
        }
        if (state instanceof Down down
                && !ownerClosed.getAsBoolean()
                && !loop.isShuttingDown()
                && System.nanoTime() - down.retryAt() >= 0) {
            state = OPENING;
            client.redis()
                    .connectAsync(StringCodec.UTF8, uri)
                    .whenComplete((opened, error) -> onLoop(() -> opened(opened, error), () -> {}));
        }
        return null;
    }

    /** @return the connection with its copy table when it is up and tracked; else null */
    LoopLocalConnections.@Nullable Tracked tracked() {
        return commands() != null && state instanceof Up up ? up.tracked() : null;
    }

    private void opened(@Nullable StatefulRedisConnection<String, String> opened, @Nullable Throwable error) {
        if (error != null || opened == null) {
            LOG.debug("A Redis connection for {} failed; the shared one serves", loop, error);
            state = new Down(System.nanoTime() + RETRY_AFTER_FAILURE_NANOS);
        } else if (state == CLOSED || ownerClosed.getAsBoolean()) {
            opened.closeAsync();
        } else if (invalidations == null) {
            state = new Up(opened, opened.async(), null);
        } else {
            invalidations
                    .enable(opened, loop)
                    .whenComplete((table, failed) -> onLoop(() -> tracking(opened, table, failed), () -> {}));
        }
    }

    /** A tracked connection serves only once Redis has confirmed the tracking. */
    private void tracking(
            StatefulRedisConnection<String, String> opened, @Nullable CopyTable table, @Nullable Throwable error) {
        if (error != null || table == null || state == CLOSED || !opened.isOpen()) {
            LOG.debug("Tracking could not be turned on for {}; the shared connection serves", loop, error);
            if (state != CLOSED) {
                state = new Down(System.nanoTime() + RETRY_AFTER_FAILURE_NANOS);
            }
            opened.closeAsync();
            return;
        }
        RedisClusterAsyncCommands<String, String> commands = opened.async();
        state = new Up(opened, commands, new LoopLocalConnections.Tracked(commands, table, loop));
    }

    /** @return completes once the loop's client is shut down; on the loop, or here when the loop is gone */
    CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (loop.isShuttingDown()) {
            client.releaseResources();
            done.complete(null);
            return done;
        }
        onLoop(
                () -> {
                    state = CLOSED;
                    client.shutdown().whenComplete((ignored, error) -> done.complete(null));
                },
                () -> {
                    client.releaseResources();
                    done.complete(null);
                });
        return done;
    }

    /** Runs {@code task} on the loop, or {@code ifGone} here when the loop has shut down. */
    private void onLoop(Runnable task, Runnable ifGone) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException shutDown) {
            ifGone.run();
        }
    }
}
