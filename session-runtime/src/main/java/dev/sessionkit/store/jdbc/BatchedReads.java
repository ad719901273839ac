package dev.sessionkit.store.jdbc;

import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionStoreException;
import io.micronaut.core.annotation.Nullable;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The store's reads, coalesced: the reads that arrive while others are in flight go to the
 * database together as one {@code SELECT … WHERE id = ANY(?)}. A few readers on the blocking
 * executor each hold one connection while reads keep coming, so under load a statement, a
 * pooled connection and a thread hand-off serve many requests instead of one each; a lone read
 * still goes out at once. A read whose caller stopped waiting (the store timeout) is dropped
 * before it is sent.
 */
final class BatchedReads {

    /** The most ids in one statement: one index probe each, and a bound on one answer's size. */
    static final int MAX_BATCH = 64;

    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger readers = new AtomicInteger();
    private final DataSource dataSource;
    private final SessionSql sql;
    private final SessionRows rows;
    private final Executor blocking;
    private final Clock clock;
    private final int maxReaders;

    /**
     * @param sql the dialect, whose {@link SessionSql#loadMany()} reads a batch
     * @param maxReaders how many batches may be in flight at once, each on its own connection
     */
    BatchedReads(
            DataSource dataSource, SessionSql sql, SessionRows rows, Executor blocking, Clock clock, int maxReaders) {
        if (maxReaders < 1) {
            throw new IllegalArgumentException("session.jdbc.read-connections must be at least 1, not " + maxReaders);
        }
        this.dataSource = dataSource;
        this.sql = sql;
        this.rows = rows;
        this.blocking = blocking;
        this.clock = clock;
        this.maxReaders = maxReaders;
    }

    CompletableFuture<@Nullable SessionRecord> load(String key) {
        Pending read = new Pending(key, new CompletableFuture<>());
        queue.add(read);
        startReader();
        return read.result;
    }

    /** Starts a reader when reads wait and fewer than the most readers run. */
    private void startReader() {
        while (!queue.isEmpty()) {
            int running = readers.get();
            if (running >= maxReaders) {
                return;
            }
            if (readers.compareAndSet(running, running + 1)) {
                try {
                    blocking.execute(this::read);
                } catch (RejectedExecutionException e) {
                    readers.decrementAndGet();
                    fail(drain(), new SessionStoreException("Session store load failed: no thread to run it", e));
                }
                return;
            }
        }
    }

    /** Reads batches on one connection until no read waits. */
    private void read() {
        try {
            List<Pending> batch = drain();
            if (batch.isEmpty()) {
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                while (!batch.isEmpty()) {
                    answer(batch, select(c, batch));
                    batch = drain();
                }
            } catch (SQLException | RuntimeException e) {
                fail(batch, new SessionStoreException("Session store load failed: " + e.getMessage(), e));
            }
        } finally {
            readers.decrementAndGet();
            startReader(); // a read queued after the last drain, while this reader still counted
        }
    }

    private Map<String, SessionRecord> select(Connection c, List<Pending> batch) throws SQLException {
        String[] keys = new String[batch.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = batch.get(i).key;
        }
        Array ids = c.createArrayOf("text", keys);
        try (PreparedStatement s = sql.prepare(c, sql.loadMany())) {
            s.setArray(1, ids);
            s.setObject(2, SessionRows.time(clock.millis()));
            Map<String, SessionRecord> found = new HashMap<>(keys.length * 2);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(12), rows.record(rs));
                }
            }
            return found;
        } finally {
            ids.free();
        }
    }

    /** The waiting reads whose callers still wait, at most {@link #MAX_BATCH}. */
    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            if (!next.result.isDone()) {
                batch.add(next);
            }
        }
        return batch;
    }

    private static void answer(List<Pending> batch, Map<String, SessionRecord> found) {
        for (Pending read : batch) {
            read.result.complete(found.get(read.key));
        }
    }

    private static void fail(List<Pending> batch, SessionStoreException e) {
        for (Pending read : batch) {
            read.result.completeExceptionally(e);
        }
    }

    private record Pending(String key, CompletableFuture<@Nullable SessionRecord> result) {}
}
