package dev.sessionkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionWrite;
import dev.sessionkit.testing.Postgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sessions table starts empty and grows, and nothing promises an ANALYZE in between (autovacuum
 * may be off, or not yet due). A plan the database kept from when the table was tiny must not
 * go on scanning it: reads and writes of a grown table go through its primary key.
 */
class GrownTableTest {

    private final String table = Postgres.freshTable();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private HikariDataSource pool;
    private ApplicationContext json;
    private JdbcKvAdaptor store;

    @BeforeEach
    void start() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Postgres.url());
        config.setMaximumPoolSize(1); // one connection: the one whose prepared statements are watched
        pool = new HikariDataSource(config);
        json = ApplicationContext.run();
        store = new JdbcKvAdaptor(
                pool, new PostgresSessionSql(table), json.getBean(JsonMapper.class), threads, Clock.systemUTC());
        store.createTable();
        Postgres.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
    }

    @AfterEach
    void stop() throws SQLException {
        Postgres.drop(table);
        pool.close();
        json.close();
        threads.shutdown();
    }

    @Test
    void aTableThatGrewIsReadAndWrittenThroughItsPrimaryKey() throws Exception {
        SessionRecord record = new SessionRecord(
                SessionMeta.fresh(
                        System.currentTimeMillis(),
                        Duration.ofHours(1).toMillis(),
                        Duration.ofHours(12).toMillis()),
                Map.of("n", "0"));
        store.create(key("a"), record).toCompletableFuture().join();
        useEveryStatement(record, 20); // while the table is one page, as right after a deploy
        Postgres.execute("INSERT INTO " + table + " (id, created_at, updated_at, idle_expires_at, absolute_expires_at,"
                + " expires_at) SELECT 'grown:' || g, now(), now(), now() + interval '1 hour',"
                + " now() + interval '1 hour', now() + interval '1 hour' FROM generate_series(1, 50000) g");
        long before = settled(Postgres::scansBesideTheKey);
        useEveryStatement(record, 20);
        assertEquals(
                0,
                settled(Postgres::scansBesideTheKey) - before,
                "reads of the 50,001-row table other than by its key (a scan, or another index) by 20 reads and 20 writes");

        store.sweepExpired(500, 1); // the sweeper's run, which finds the statistics missing
        before = settled(Postgres::sequentialScans);
        String cursor = null;
        for (int page = 0; page < 5; page++) {
            cursor = store.scan("grown:", cursor, 100)
                    .toCompletableFuture()
                    .join()
                    .cursor();
            assertNotNull(cursor);
        }
        assertEquals(0, settled(Postgres::sequentialScans) - before, "scans of the 50,001-row table by 5 pages of 100");
    }

    private void useEveryStatement(SessionRecord record, int times) {
        for (int i = 0; i < times; i++) {
            assertNotNull(store.load(key("a")).toCompletableFuture().join());
            store.update(key("a"), new SessionWrite(record.meta(), Map.of("n", "" + i), java.util.Set.of()))
                    .toCompletableFuture()
                    .join();
        }
    }

    /** A count of the table's statistics, once the store's connection has reported its own. */
    private long settled(Count count) throws Exception {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_force_next_flush()"); // reported when this backend goes idle
        }
        Thread.sleep(300);
        return count.of(table);
    }

    private interface Count {
        long of(String table) throws SQLException;
    }

    private String key(String name) {
        return "grown:" + table + ":" + name;
    }
}
