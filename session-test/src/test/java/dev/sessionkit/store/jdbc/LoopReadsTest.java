package dev.sessionkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.testing.Postgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the event loops' own read connections promise beyond the store contract
 * ({@link LoopReadsContractTest}): the reads a loop starts together share one statement, and so do
 * the reads started while a batch is in flight (which go to JDBC once it outlives the store
 * timeout); a plan made while the table was one page still probes the key once it has grown; and a
 * connection the database drops costs no read, the reads going to JDBC until the loop has a
 * connection again.
 */
class LoopReadsTest {

    private final String table = Postgres.freshTable();
    private final String application = "sk-loop-test-" + UUID.randomUUID();
    private final ExecutorService blocking = Executors.newFixedThreadPool(4);
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = loops.next();
    private HikariDataSource pool;
    private ApplicationContext json;
    private JdbcKvAdaptor store;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void start() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Postgres.url());
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        json = ApplicationContext.run();
        store = adaptor();
        store.createTable();
        Postgres.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
        Postgres.execute("CREATE SEQUENCE " + table + "_statements");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        Postgres.execute("DROP SEQUENCE IF EXISTS " + table + "_statements");
        Postgres.drop(table);
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        blocking.shutdown();
        pool.close();
        json.close();
    }

    @Test
    void theReadsALoopStartsTogetherShareOneStatement() throws Exception {
        LoopReads reads = countingReads("");
        long before = numberedSessionsAndOwnConnection(reads, 30);

        List<CompletableFuture<@Nullable SessionRecord>> all = onLoop(() -> {
            List<CompletableFuture<@Nullable SessionRecord>> started = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                started.add(reads.load(key("s" + i)));
            }
            started.add(reads.load(key("missing")));
            return started;
        });
        for (int i = 0; i < 30; i++) {
            assertEquals(
                    Map.of("n", "" + i), all.get(i).get(5, TimeUnit.SECONDS).fields(), "read " + i);
        }
        assertNull(all.get(30).get(5, TimeUnit.SECONDS));
        assertEquals(1, statements() - before, "statements for 31 reads started in one pass of the loop");
    }

    @Test
    void theReadsStartedWhileABatchIsInFlightLeaveTogetherWhenItIsAnswered() throws Exception {
        LoopReads reads = countingReads(" AND (SELECT count(*) FROM pg_sleep(0.3)) = 1");
        long before = numberedSessionsAndOwnConnection(reads, 10);

        List<CompletableFuture<@Nullable SessionRecord>> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // each in a pass of the loop of its own, the first one's batch in flight
            String name = "s" + i;
            all.add(onLoop(() -> reads.load(key(name))));
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(
                    Map.of("n", "" + i), all.get(i).get(5, TimeUnit.SECONDS).fields(), "read " + i);
        }
        assertEquals(2, statements() - before, "statements for the first read and the 9 started while it was out");
    }

    @Test
    void theReadsHeldBehindAStatementUnansweredForTheStoreTimeoutGoToJdbc() throws Exception {
        // A statement that asks for "stalled" takes 2 s; the store timeout here is 300 ms.
        LoopReads reads = countingReads(
                " AND (SELECT count(*) FROM pg_sleep(CASE WHEN '" + key("stalled")
                        + "' = ANY($1) THEN 2 ELSE 0 END)) = 1",
                300);
        numberedSessionsAndOwnConnection(reads, 2);
        store.create(key("stalled"), record(Map.of("n", "stalled")))
                .toCompletableFuture()
                .join();
        long start = System.nanoTime();

        CompletableFuture<@Nullable SessionRecord> stalled = onLoop(() -> reads.load(key("stalled")));
        CompletableFuture<@Nullable SessionRecord> held = onLoop(() -> reads.load(key("s1")));
        Thread.sleep(400);
        CompletableFuture<@Nullable SessionRecord> later = onLoop(() -> reads.load(key("s0")));
        assertEquals(Map.of("n", "stalled"), stalled.get(5, TimeUnit.SECONDS).fields());
        assertEquals(Map.of("n", "1"), held.get(5, TimeUnit.SECONDS).fields());
        assertEquals(Map.of("n", "0"), later.get(5, TimeUnit.SECONDS).fields());
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(
                tookMillis < 1500,
                "answered by JDBC once the statement outlived the store timeout, not when it ended: " + tookMillis
                        + " ms");
    }

    @Test
    void aPlanMadeOnAOnePageTableStillProbesTheKeyAfterTheTableGrew() throws Exception {
        store.create(key("a"), record(Map.of("n", "1"))).toCompletableFuture().join();
        awaitOwnConnection(() -> readOnLoop("a"));
        Postgres.execute("INSERT INTO " + table + " (id, created_at, updated_at, idle_expires_at, absolute_expires_at,"
                + " expires_at) SELECT 'grown:' || g, now(), now(), now() + interval '1 hour',"
                + " now() + interval '1 hour', now() + interval '1 hour' FROM generate_series(1, 50000) g");
        long before = scansBesideTheKey();
        for (int i = 0; i < 20; i++) {
            assertNotNull(readOnLoop("a").get(5, TimeUnit.SECONDS));
        }
        assertEquals(
                0,
                scansBesideTheKey() - before,
                "reads of the 50,001-row table other than by its key (a scan, or the expiry index) by 20 reads");
    }

    @Test
    void aDroppedConnectionLosesNoReadAndTheLoopConnectsAgain() throws Exception {
        store.create(key("a"), record(Map.of("n", "1"))).toCompletableFuture().join();
        awaitOwnConnection(() -> readOnLoop("a"));
        long first = backend();

        Postgres.execute("SELECT pg_terminate_backend(" + first + ")");
        for (int i = 0; i < 20; i++) {
            SessionRecord read = readOnLoop("a").get(5, TimeUnit.SECONDS);
            assertEquals(Map.of("n", "1"), read.fields(), "read " + i + " after the connection was dropped");
        }
        awaitOwnConnection(() -> readOnLoop("a"));
        assertNotEquals(first, backend(), "the loop opened a new connection");
    }

    @Test
    void aSignInTheServerRefusesLeavesReadsOnJdbcForGoodAndSaysSoOnce() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(LoopReads.class);
        ListAppender<ILoggingEvent> said = new ListAppender<>();
        said.start();
        log.addAppender(said);
        Level level = log.getLevel();
        log.setLevel(Level.DEBUG); // the retries of a connection that failed otherwise are said at DEBUG
        try {
            String url = Postgres.url().replaceFirst("user=[^&]*", "user=sk_no_such_role");
            store = adaptor(WireAddress.parse(url, null, null, why -> {
                throw new AssertionError(why);
            }));
            store.create(key("a"), record(Map.of("n", "1")))
                    .toCompletableFuture()
                    .join();
            for (int i = 0; i < 4; i++) {
                assertEquals(
                        Map.of("n", "1"),
                        readOnLoop("a").get(5, TimeUnit.SECONDS).fields(),
                        "read " + i);
                Thread.sleep(400); // past the one-second retry by the last read
            }
        } finally {
            log.detachAppender(said);
            log.setLevel(level);
        }
        List<String> attempts = said.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("sk_no_such_role"))
                .toList();
        assertEquals(1, attempts.size(), "tried once, said once: " + attempts);
        assertTrue(attempts.get(0).contains("stay on JDBC") && attempts.get(0).contains("28000"), attempts.get(0));
    }

    /**
     * Stores sessions s0 to s{n-1}, each with its number as field n, and waits for the loop's own
     * connection.
     *
     * @return the statements counted so far
     */
    private long numberedSessionsAndOwnConnection(LoopReads reads, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            store.create(key("s" + i), record(Map.of("n", "" + i)))
                    .toCompletableFuture()
                    .join();
        }
        awaitOwnConnection(() -> onLoop(() -> reads.load(key("s0"))));
        return statements();
    }

    /** Loop reads whose batch read counts its own executions (its sub-select runs once per statement). */
    private LoopReads countingReads(String slowing) {
        return countingReads(slowing, 2000);
    }

    private LoopReads countingReads(String slowing, int timeoutMillis) {
        SessionRows rows = new SessionRows(json.getBean(JsonMapper.class));
        PostgresSessionSql sql = new PostgresSessionSql(table);
        String counted = sql.loadBatch()
                .replace(
                        " WHERE id = ANY($1)",
                        " WHERE id = ANY($1) AND (SELECT nextval('" + table + "_statements')) > 0" + slowing);
        BatchedReads jdbc = new BatchedReads(pool, sql, rows, blocking, Clock.systemUTC(), 1);
        LoopReads reads = new LoopReads(address(), counted, rows, jdbc, blocking, Clock.systemUTC(), timeoutMillis);
        closing.add(reads);
        return reads;
    }

    private JdbcKvAdaptor adaptor() {
        return adaptor(address());
    }

    private JdbcKvAdaptor adaptor(WireAddress address) {
        JdbcKvAdaptor adaptor = new JdbcKvAdaptor(
                pool,
                new PostgresSessionSql(table),
                json.getBean(JsonMapper.class),
                blocking,
                Clock.systemUTC(),
                (key, user, at, via) -> {},
                1,
                address,
                2000);
        closing.add(adaptor);
        return adaptor;
    }

    private WireAddress address() {
        return WireAddress.parse(Postgres.url() + "&ApplicationName=" + application, null, null, why -> {
            throw new AssertionError("the test database's URL must be taken: " + why);
        });
    }

    /** Reads until the loop's own connection is up: its backend is there and idle. */
    private void awaitOwnConnection(Supplier<CompletableFuture<?>> read) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            read.get().get(5, TimeUnit.SECONDS);
            if (backend() != 0) {
                read.get().get(5, TimeUnit.SECONDS);
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the loop's connection did not come up in 10 s");
    }

    /** @return the process id of the loop's connection on the server, 0 for none */
    private long backend() throws SQLException {
        try (Connection c = Postgres.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT pid FROM pg_stat_activity WHERE application_name = '" + application + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private CompletableFuture<@Nullable SessionRecord> readOnLoop(String name) {
        return onLoop(() -> store.load(key(name)).toCompletableFuture());
    }

    private <T> T onLoop(Supplier<T> work) {
        try {
            return loop.submit(work::get).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long statements() throws SQLException {
        return Postgres.number("SELECT last_value FROM " + table + "_statements");
    }

    /** The table's reads other than by key, once the loop's backend has reported its own (a second after it goes idle). */
    private long scansBesideTheKey() throws Exception {
        Thread.sleep(1500);
        return Postgres.scansBesideTheKey(table);
    }

    private static SessionRecord record(Map<String, String> fields) {
        return new SessionRecord(
                SessionMeta.fresh(
                        System.currentTimeMillis(),
                        Duration.ofHours(1).toMillis(),
                        Duration.ofHours(12).toMillis()),
                fields);
    }

    private String key(String name) {
        return "loop:" + table + ":" + name;
    }
}
