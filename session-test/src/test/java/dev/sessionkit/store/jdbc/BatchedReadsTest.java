package dev.sessionkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionStoreException;
import dev.sessionkit.testing.Postgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads that overlap go to PostgreSQL as one statement: the reads queued while the reader waits
 * for a thread are all answered by the one statement it then sends, each with its own row.
 */
class BatchedReadsTest {

    private static final String TABLE = Postgres.freshTable();
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(4);
    private static HikariDataSource pool;
    private static ApplicationContext json;

    /** Tasks wait here until the test lets them run, so reads pile up as under load. */
    private final Gate gate = new Gate();

    /** The ids of each read statement sent, in order. */
    private final List<List<String>> statements = new CopyOnWriteArrayList<>();

    private final AtomicInteger refuseConnections = new AtomicInteger();
    private JdbcKvAdaptor store;

    @BeforeAll
    static void createTable() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Postgres.url());
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        json = ApplicationContext.run();
        new JdbcKvAdaptor(pool, new PostgresSessionSql(TABLE), json.getBean(JsonMapper.class), Runnable::run, clock())
                .createTable();
    }

    @AfterAll
    static void dropTable() throws SQLException {
        Postgres.drop(TABLE);
        pool.close();
        json.close();
        THREADS.shutdown();
    }

    @BeforeEach
    void newStore() {
        store = new JdbcKvAdaptor(
                counting(pool),
                new PostgresSessionSql(TABLE),
                json.getBean(JsonMapper.class),
                gate,
                clock(),
                (key, user, at, via) -> {},
                JdbcKvAdaptor.DEFAULT_READ_CONNECTIONS);
    }

    @Test
    void readsQueuedBehindAnotherAreAnsweredByOneStatement() {
        List<String> keys = List.of(key("a"), key("b"), key("c"));
        for (String k : keys) {
            store.create(k, new SessionRecord(meta(), Map.of("name", k)))
                    .toCompletableFuture()
                    .join();
        }
        gate.holding = true;
        List<CompletableFuture<SessionRecord>> reads = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String k = i % 4 == 3 ? key("missing") : keys.get(i % 4);
            asked.add(k);
            reads.add(store.load(k).toCompletableFuture());
        }
        gate.release();
        for (int i = 0; i < reads.size(); i++) {
            SessionRecord got = reads.get(i).join();
            if (asked.get(i).endsWith("missing")) {
                assertNull(got, "a session that is not there is null, even in a batch");
            } else {
                assertEquals(Map.of("name", asked.get(i)), got.fields(), "each read gets its own row");
            }
        }
        assertEquals(1, statements.size(), "30 overlapping reads, statements: " + statements);
        assertEquals(30, statements.get(0).size());
    }

    @Test
    void aBatchHoldsAtMostSixtyFourIds() {
        gate.holding = true;
        List<CompletableFuture<SessionRecord>> reads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            reads.add(store.load(key("n" + i)).toCompletableFuture());
        }
        gate.release();
        reads.forEach(r -> assertNull(r.join()));
        assertEquals(List.of(64, 36), statements.stream().map(List::size).toList());
    }

    @Test
    void aReadWhoseCallerStoppedWaitingIsNotSent() {
        gate.holding = true;
        CompletableFuture<SessionRecord> abandoned = store.load(key("gone")).toCompletableFuture();
        CompletableFuture<SessionRecord> waited = store.load(key("kept")).toCompletableFuture();
        abandoned.cancel(true); // what the store timeout does
        gate.release();
        assertNull(waited.join());
        assertEquals(List.of(List.of(key("kept"))), statements);
    }

    @Test
    void aFailedBatchFailsItsReadsAndTheNextReadGoesOut() {
        store.create(key("back"), new SessionRecord(meta(), Map.of("x", "1")))
                .toCompletableFuture()
                .join();
        refuseConnections.set(1);
        CompletionException failed = assertThrows(
                CompletionException.class,
                () -> store.load(key("back")).toCompletableFuture().join());
        assertInstanceOf(SessionStoreException.class, failed.getCause());
        assertTrue(
                failed.getCause().getMessage().contains("load failed"),
                failed.getCause().getMessage());
        assertEquals(
                Map.of("x", "1"),
                store.load(key("back")).toCompletableFuture().join().fields());
    }

    private static Clock clock() {
        return Clock.systemUTC();
    }

    private static SessionMeta meta() {
        return SessionMeta.fresh(
                System.currentTimeMillis(),
                Duration.ofHours(1).toMillis(),
                Duration.ofHours(12).toMillis());
    }

    private static String key(String name) {
        return "batch:" + TABLE + ":" + name;
    }

    /** A data source that refuses connections while told to and records each read statement's ids. */
    private DataSource counting(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && args == null) {
                        if (refuseConnections.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            throw new SQLException("connection refused by the test");
                        }
                        return recording(real.getConnection());
                    }
                    return forward(real, method, args);
                });
    }

    /** The ids array of a read is made once per statement; recording it counts the statements. */
    private Connection recording(Connection c) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createArrayOf") && args[1] instanceof String[] ids) {
                        statements.add(Arrays.asList(ids));
                    }
                    return forward(c, method, args);
                });
    }

    private static Object forward(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** An executor that runs tasks on a pool, or holds them until released. */
    private static final class Gate implements Executor {
        volatile boolean holding;
        private final ConcurrentLinkedQueue<Runnable> held = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable task) {
            if (holding) {
                held.add(task);
            } else {
                THREADS.execute(task);
            }
        }

        void release() {
            holding = false;
            Runnable task;
            while ((task = held.poll()) != null) {
                THREADS.execute(task);
            }
        }
    }
}
