package dev.sessionkit.store.jdbc;

import dev.sessionkit.store.ExpiryListener;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionPage;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionStoreException;
import dev.sessionkit.store.SessionSummary;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.store.StoreSignals;
import dev.sessionkit.store.UpdateResult;
import dev.sessionkit.store.UserIndexed;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * Sessions in a relational table (PostgreSQL first; the SQL lives in a {@link SessionSql}). Reads
 * that overlap share one SELECT ({@link BatchedReads}); a write is one UPDATE that merges only the
 * changed fields into a JSONB column, and only while the session exists. Every statement runs on
 * the given blocking executor, never on the caller's thread.
 */
public final class JdbcKvAdaptor implements KvAdaptor, UserIndexed, AutoCloseable {

    /** The name {@code session.store} uses to select this adaptor. */
    public static final String NAME = "jdbc";

    /** How many read batches may be in flight at once unless {@code session.jdbc.read-connections} says otherwise. */
    public static final int DEFAULT_READ_CONNECTIONS = 1;

    private final DataSource dataSource;
    private final SessionSql sql;
    private final SessionRows rows;
    private final BatchedReads reads;
    private final @Nullable LoopReads loopReads;
    private final UserRows users;
    private final Executor blocking;
    private final Clock clock;
    private final ExpiryListener expiries;
    private final @Nullable StoreSignals signals;

    /**
     * @param dataSource the database
     * @param sql the dialect's statements
     * @param json encodes the fields column
     * @param blocking where JDBC calls run
     * @param clock the time source expiry is judged by
     */
    public JdbcKvAdaptor(
            @NonNull DataSource dataSource,
            @NonNull SessionSql sql,
            @NonNull JsonMapper json,
            @NonNull Executor blocking,
            @NonNull Clock clock) {
        this(dataSource, sql, json, blocking, clock, ExpiryListener.NONE, DEFAULT_READ_CONNECTIONS);
    }

    /**
     * @param dataSource the database
     * @param sql the dialect's statements
     * @param json encodes the fields column
     * @param blocking where JDBC calls run
     * @param clock the time source expiry is judged by
     * @param expiries told of every session the sweeper deletes
     * @param readConnections how many read batches may be in flight at once, each on a pooled connection
     */
    public JdbcKvAdaptor(
            @NonNull DataSource dataSource,
            @NonNull SessionSql sql,
            @NonNull JsonMapper json,
            @NonNull Executor blocking,
            @NonNull Clock clock,
            @NonNull ExpiryListener expiries,
            int readConnections) {
        this(dataSource, sql, json, blocking, clock, expiries, readConnections, null, 0);
    }

    /** With the event loops' own read connections to {@code loop}, each bounded by {@code timeoutMillis}. */
    JdbcKvAdaptor(
            DataSource dataSource,
            SessionSql sql,
            JsonMapper json,
            Executor blocking,
            Clock clock,
            ExpiryListener expiries,
            int readConnections,
            @Nullable WireAddress loop,
            int timeoutMillis) {
        this.expiries = expiries;
        this.dataSource = dataSource;
        this.sql = sql;
        this.rows = new SessionRows(json);
        this.users = new UserRows(sql, clock);
        this.reads = new BatchedReads(dataSource, sql, rows, blocking, clock, readConnections);
        this.loopReads = loop != null && sql instanceof PostgresSessionSql postgres
                ? new LoopReads(loop, postgres.loadBatch(), rows, reads, blocking, clock, timeoutMillis)
                : null;
        this.blocking = blocking;
        this.clock = clock;
        this.signals = sql instanceof PostgresSessionSql ? new PostgresSignals(this, dataSource) : null;
    }

    /** @return {@code NOTIFY} signals on PostgreSQL; none on another dialect */
    @Override
    public @Nullable StoreSignals signals() {
        return signals;
    }

    @Override
    public @NonNull CompletionStage<@Nullable SessionRecord> load(@NonNull String key) {
        return loopReads != null ? loopReads.load(key) : reads.load(key);
    }

    /** Closes the event loops' read connections, if any; the data source is not the adaptor's. */
    @Override
    public void close() {
        if (loopReads != null) {
            loopReads.close();
        }
    }

    @Override
    public @NonNull CompletionStage<Void> create(@NonNull String key, @NonNull SessionRecord record) {
        return run("create", c -> {
            insert(c, key, record);
            return null;
        });
    }

    /**
     * One UPDATE; a conditional one that changes no row reads the session again on the same
     * connection to tell a conflict (with what the fields hold now) from a session that is gone.
     */
    @Override
    public @NonNull CompletionStage<UpdateResult> update(@NonNull String key, @NonNull SessionWrite write) {
        return run("update", c -> {
            boolean conditional = write.isConditional();
            try (PreparedStatement s = sql.prepare(c, conditional ? sql.updateIf() : sql.update())) {
                int i = SessionRows.setMeta(s, 1, write.meta());
                s.setString(i++, rows.encode(write.put()));
                s.setArray(i++, c.createArrayOf("text", write.remove().toArray()));
                s.setString(i++, key);
                s.setObject(i++, SessionRows.time(clock.millis()));
                if (conditional) {
                    s.setString(i++, rows.encode(write.expected()));
                    s.setArray(i, c.createArrayOf("text", write.expectedAbsent().toArray()));
                }
                if (s.executeUpdate() == 1) {
                    return UpdateResult.APPLIED;
                }
            }
            SessionRecord current = conditional ? rows.one(c, sql, key, clock.millis()) : null;
            return current == null ? UpdateResult.GONE : UpdateResult.conflict(current);
        });
    }

    @Override
    public @NonNull CompletionStage<Boolean> delete(@NonNull String key) {
        return run("delete", c -> {
            try (PreparedStatement s = sql.prepare(c, sql.delete())) {
                s.setString(1, key);
                return s.executeUpdate() > 0;
            }
        });
    }

    /** Deletes the old row and inserts the new one in one transaction. */
    @Override
    public @NonNull CompletionStage<Boolean> replace(
            @NonNull String oldKey, @NonNull String newKey, @NonNull SessionRecord record) {
        return run("replace", c -> {
            c.setAutoCommit(false);
            try (PreparedStatement s = sql.prepare(c, sql.delete())) {
                s.setString(1, oldKey);
                if (s.executeUpdate() == 0) {
                    c.rollback();
                    return false;
                }
                insert(c, newKey, record);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    @Override
    public @NonNull CompletionStage<SessionPage> scan(@NonNull String namespace, @Nullable String cursor, int limit) {
        SessionPage.requireKeyCursor(cursor, namespace);
        return run("scan", c -> {
            try (PreparedStatement s = sql.prepare(c, sql.scan())) {
                s.setString(1, namespace);
                s.setString(2, cursor == null ? namespace : cursor); // every id in it sorts after it
                s.setObject(3, SessionRows.time(clock.millis()));
                s.setInt(4, limit);
                List<SessionPage.Stored> sessions = new ArrayList<>(limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sessions.add(new SessionPage.Stored(rs.getString(11), SessionRows.meta(rs)));
                    }
                }
                String next = sessions.size() < limit
                        ? null
                        : sessions.get(sessions.size() - 1).key();
                return new SessionPage(sessions, next);
            }
        });
    }

    @Override
    public @NonNull CompletionStage<List<SessionSummary>> listByUser(
            @NonNull String namespace, @NonNull String userId) {
        return run("list", c -> users.list(c, namespace, userId));
    }

    @Override
    public @NonNull CompletionStage<Boolean> deleteForUser(@NonNull String userId, @NonNull String key) {
        return run("revoke", c -> users.deleteOne(c, userId, key));
    }

    @Override
    public @NonNull CompletionStage<List<String>> deleteByUser(
            @NonNull String namespace, @NonNull String userId, @Nullable String keepKey) {
        return run("revoke", c -> users.deleteAll(c, namespace, userId, keepKey));
    }

    /**
     * Deletes expired rows in batches, then refreshes the table's planner statistics if they are
     * stale; runs on the caller's thread (the sweeper's schedule).
     *
     * @param batchSize rows per statement
     * @param maxBatches statements per call at most, so one call is bounded
     * @return how many rows were deleted
     */
    public int sweepExpired(int batchSize, int maxBatches) {
        int deleted = ExpiredRows.sweep(dataSource, sql, clock, expiries, batchSize, maxBatches);
        ExpiredRows.analyzeIfStale(dataSource, sql);
        return deleted;
    }

    /** Applies the dialect's DDL: creates the table and indexes if missing. */
    public void createTable() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql.createTable());
        } catch (SQLException e) {
            throw new SessionStoreException("Creating the sessions table failed", e);
        }
    }

    private void insert(Connection c, String key, SessionRecord record) throws SQLException {
        try (PreparedStatement s = sql.prepare(c, sql.insert())) {
            rows.bindInsert(s, key, record);
            s.executeUpdate();
        }
    }

    /** Runs {@code work} on a pooled connection, off the caller's thread; a failure is a {@link SessionStoreException}. */
    <T> CompletionStage<T> run(String operation, Work<T> work) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (Connection c = dataSource.getConnection()) {
                        return work.apply(c);
                    } catch (SQLException e) {
                        throw new SessionStoreException("Session store " + operation + " failed: " + e.getMessage(), e);
                    }
                },
                blocking);
    }

    /** A unit of JDBC work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }
}
