package dev.sessionkit.store.jdbc;

import dev.sessionkit.store.NioEventLoops;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionStoreException;
import io.micronaut.core.annotation.Nullable;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session reads on the request's own event loop: each loop keeps one read-only PostgreSQL
 * connection ({@link WireConnection}), and the reads a loop starts in one pass over its ready
 * sockets leave as one statement when the pass ends; while a statement is out, the reads started
 * meanwhile wait for its answer and then leave together. The read is then written, answered and
 * resumed on the thread that serves the request, with no hand-off to a JDBC thread and back.
 *
 * <p>Everything else stays on JDBC, and so do reads on any other thread, on a loop whose
 * connection is not up yet or is down (it opens again on demand, at most once a second), and
 * reads a dropped connection left unanswered. A connection that has left a batch unanswered for
 * the store timeout is closed, so a silent server costs one timeout, not every later read.
 */
final class LoopReads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopReads.class);
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * One read: the store key and what its caller waits on.
     *
     * @param key the session's store key
     * @param result completed with the session, or null when there is none
     */
    record Read(String key, CompletableFuture<@Nullable SessionRecord> result) {
        void fail(String message) {
            result.completeExceptionally(new SessionStoreException(message));
        }
    }

    private final WireAddress address;
    private final String query;
    private final SessionRows rows;
    private final BatchedReads jdbc;
    private final Executor blocking;
    private final Clock clock;
    private final int timeoutMillis;
    private final Queue<Slot> slots = new ConcurrentLinkedQueue<>();
    private final FastThreadLocal<Slot> current = new FastThreadLocal<>() {
        @Override
        protected @Nullable Slot initialValue() {
            return slotForCurrentThread();
        }
    };
    private volatile boolean closed;

    /**
     * @param query the batch read: ids as {@code $1 text[]}, and the columns of {@link
     *     PostgresSessionSql#loadBatch()}
     * @param jdbc where every read goes that a loop's connection does not serve
     * @param blocking where the server's name is looked up
     * @param timeoutMillis the store timeout: the longest a connection may take to open or to answer
     */
    LoopReads(
            WireAddress address,
            String query,
            SessionRows rows,
            BatchedReads jdbc,
            Executor blocking,
            Clock clock,
            int timeoutMillis) {
        this.address = address;
        this.blocking = blocking;
        this.query = query;
        this.rows = rows;
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
    }

    CompletableFuture<@Nullable SessionRecord> load(String key) {
        Slot slot = current.get();
        return slot == null ? jdbc.load(key) : slot.load(key);
    }

    private @Nullable Slot slotForCurrentThread() {
        IoEventLoop loop = NioEventLoops.current();
        if (closed || loop == null) {
            return null;
        }
        Slot slot = new Slot(loop);
        slots.add(slot);
        return slot;
    }

    /** Closes every loop's connection; reads from then on go to JDBC. */
    @Override
    public void close() {
        closed = true;
        for (Slot slot : slots) {
            try {
                slot.loop.execute(slot::close);
            } catch (RejectedExecutionException e) {
                // The loop has shut down, and closed its channels with it.
            }
        }
    }

    /** One loop's connection and the reads queued for its next statement; touched only on that loop. */
    private final class Slot implements WireConnection.Listener {
        private final EventLoop loop;
        private @Nullable WireConnection connection;
        private boolean up;
        private boolean refused;
        private boolean opening;
        private long retryAt = System.nanoTime();
        private List<Read> queued = new ArrayList<>();
        private boolean flushing;
        private final Runnable flush = this::flush;

        Slot(EventLoop loop) {
            this.loop = loop;
        }

        CompletableFuture<@Nullable SessionRecord> load(String key) {
            if (!up) {
                open();
                return jdbc.load(key);
            }
            Read read = new Read(key, new CompletableFuture<>());
            queued.add(read);
            if (!flushing) {
                flushing = true;
                loop.execute(flush);
            }
            return read.result();
        }

        private void open() {
            if (connection != null || opening || refused || closed || System.nanoTime() - retryAt < 0) {
                return;
            }
            opening = true;
            address.resolve(blocking)
                    .whenComplete((socket, failure) -> loop.execute(() -> {
                        opening = false;
                        if (failure != null) {
                            retryAt = System.nanoTime() + RETRY_NANOS;
                            LOG.debug(
                                    "The event loop's PostgreSQL connection was not opened: {}", failure.getMessage());
                        } else if (!closed) {
                            WireConnection opened =
                                    WireConnection.open(loop, address, socket, query, rows, this, timeoutMillis);
                            connection = opened.isClosed() ? null : opened; // a connect can fail at once
                        }
                    }));
        }

        /**
         * Sends what is queued, unless a batch is in flight: then it waits, and leaves as one batch
         * the moment that one is answered, so a busy loop sends fewer, fuller statements.
         */
        private void flush() {
            flushing = false;
            queued.removeIf(read -> read.result().isDone());
            WireConnection c = connection;
            if (queued.isEmpty()) {
                return;
            }
            if (up && c != null && c.oldestSentNanos() != 0) {
                if (System.nanoTime() - c.oldestSentNanos() > TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) {
                    c.close("PostgreSQL left a read unanswered for over " + timeoutMillis + " ms");
                }
                return; // held until the batch in flight is answered, or sent to JDBC by close
            }
            List<Read> batch = queued;
            queued = new ArrayList<>();
            if (!up || c == null) {
                toJdbc(batch);
                return;
            }
            long now = clock.millis();
            for (int from = 0; from < batch.size(); from += BatchedReads.MAX_BATCH) {
                c.send(batch.subList(from, Math.min(batch.size(), from + BatchedReads.MAX_BATCH)), now);
            }
        }

        @Override
        public void ready(WireConnection c) {
            if (c != connection) {
                return;
            }
            if (closed) {
                c.close("the application is closing");
            } else {
                up = true;
                LOG.debug("Session reads on {} use their own PostgreSQL connection to {}", loop, address);
            }
        }

        @Override
        public void answered(WireConnection c) {
            if (c == connection && !queued.isEmpty()) {
                flush();
            }
        }

        @Override
        public void closed(WireConnection c, List<Read> unanswered, String why, boolean lasting) {
            if (c == connection || connection == null) {
                connection = null;
                up = false;
                retryAt = System.nanoTime() + RETRY_NANOS;
                if (lasting && !refused) {
                    refused = true;
                    LOG.info("Session reads stay on JDBC on {}: {}", loop, why);
                } else {
                    LOG.debug("The event loop's PostgreSQL connection closed; reads use JDBC meanwhile: {}", why);
                }
            }
            toJdbc(unanswered);
            if (connection == null) {
                List<Read> held = queued;
                queued = new ArrayList<>();
                toJdbc(held);
            }
        }

        private void close() {
            WireConnection c = connection;
            if (c != null) {
                c.close("the application is closing");
            }
        }

        private void toJdbc(List<Read> reads) {
            for (Read read : reads) {
                if (!read.result().isDone()) {
                    jdbc.load(read.key()).whenComplete((record, failure) -> {
                        if (failure == null) {
                            read.result().complete(record);
                        } else {
                            read.result().completeExceptionally(failure);
                        }
                    });
                }
            }
        }
    }
}
