package dev.sessionkit.store.redis;

import dev.sessionkit.store.NioEventLoops;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Transports;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Redis connection per server event loop, living on that loop. A request's command is then
 * written, answered and resumed on the thread that serves the request, instead of being handed
 * to Lettuce's own I/O thread and back; and the commands of all requests the loop handles in one
 * pass leave in one write (see {@link LoopClients}), so Redis wakes once for several of them.
 *
 * <p>Each loop's connection is opened on its first use there, asynchronously. Until it is up,
 * while it is down, and on every thread that is not a compatible event loop, the shared
 * connection micronaut-redis-lettuce made serves. A loop's connection does not reconnect by
 * itself: a dropped one is noticed on its loop, which opens a new one on demand, at most once a
 * second, so that nothing ever reconnects onto a loop that is shutting down.
 */
final class LoopLocalConnections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopLocalConnections.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 2;

    private final RedisClusterAsyncCommands<String, String> shared;
    private final ClientResources resources;
    private final ClientOptions options;
    private final RedisURI uri;
    private final List<CommandListener> listeners;
    private final @Nullable Invalidations tracking;
    private final Queue<LoopConnection> slots = new ConcurrentLinkedQueue<>();
    private final FastThreadLocal<LoopConnection> current = new FastThreadLocal<>() {
        @Override
        protected @Nullable LoopConnection initialValue() {
            return slotForCurrentThread();
        }
    };
    private volatile boolean closed;

    /**
     * @param shared the commands of the connection micronaut-redis-lettuce made
     * @param client that connection's client: its resources and options are reused
     * @param uri where that client connects
     * @param listeners command listeners to add to every loop's client
     * @param tracking the near cache's tracking, which every loop's connection then turns on
     *     before it serves; null for none
     */
    LoopLocalConnections(
            @NonNull RedisClusterAsyncCommands<String, String> shared,
            @NonNull RedisClient client,
            @NonNull RedisURI uri,
            @NonNull List<CommandListener> listeners,
            @Nullable Invalidations tracking) {
        this.shared = shared;
        this.resources = client.getResources();
        // No reconnecting by itself (see the class comment), and no per-command timer: every store
        // call is already bounded, and cancelled, by session.store-timeout. Redis pushes the
        // invalidations on the same connection, which only RESP3 can carry.
        ClientOptions.Builder options = client.getOptions()
                .mutate()
                .autoReconnect(false)
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build());
        if (tracking != null) {
            options.protocolVersion(ProtocolVersion.RESP3);
        }
        this.options = options.build();
        this.uri = uri;
        this.listeners = List.copyOf(listeners);
        this.tracking = tracking;
    }

    LoopLocalConnections(
            @NonNull RedisClusterAsyncCommands<String, String> shared,
            @NonNull RedisClient client,
            @NonNull RedisURI uri,
            @NonNull List<CommandListener> listeners) {
        this(shared, client, uri, listeners, null);
    }

    /**
     * Whether connections can live on the server's event loops: only over TCP, and only when
     * Lettuce uses the NIO transport that the loops can host.
     *
     * @param uri where Redis is
     * @return true when {@link #commands()} can use loop-local connections
     */
    static boolean supports(@NonNull RedisURI uri) {
        return uri.getSocket() == null && Transports.socketChannelClass() == NioSocketChannel.class;
    }

    /** @return the commands of the connection micronaut-redis-lettuce made */
    @NonNull
    RedisClusterAsyncCommands<String, String> shared() {
        return shared;
    }

    /** @return the commands of this event loop's connection, or of the shared one */
    @NonNull
    RedisClusterAsyncCommands<String, String> commands() {
        LoopConnection slot = current.get();
        RedisClusterAsyncCommands<String, String> own = slot == null ? null : slot.commands();
        return own == null ? shared : own;
    }

    /**
     * @return this event loop's connection with its copy table when it is up and tracked, so that a
     *     read's answer may be kept in the near cache; null on any other thread, or meanwhile
     */
    @Nullable
    Tracked tracked() {
        LoopConnection slot = current.get();
        return slot == null ? null : slot.tracked();
    }

    /**
     * A tracked connection's commands and the table of what was read through it.
     *
     * @param commands the loop's connection
     * @param table the copies read through it, and whether it is believed
     * @param loop the loop it lives on
     */
    record Tracked(RedisClusterAsyncCommands<String, String> commands, CopyTable table, EventLoop loop) {}

    private @Nullable LoopConnection slotForCurrentThread() {
        IoEventLoop loop = NioEventLoops.current();
        if (closed || loop == null) {
            return null;
        }
        LoopConnection slot = new LoopConnection(
                loop, LoopClients.create(resources, options, uri, loop, listeners), uri, tracking, () -> closed);
        slots.add(slot);
        return slot;
    }

    /** Closes every loop's connection, waiting a bounded time; the shared connection is not ours. */
    @Override
    public void close() {
        closed = true;
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (LoopConnection slot : slots) {
            closing.add(slot.close());
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Closing the event loops' Redis connections did not finish cleanly", e);
        }
    }
}
