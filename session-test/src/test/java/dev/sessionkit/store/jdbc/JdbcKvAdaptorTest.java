package dev.sessionkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sessionkit.conformance.AdjustableClock;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.test.UserIndexContract;
import dev.sessionkit.testing.Postgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract against a real PostgreSQL, plus what is the table's own. */
class JdbcKvAdaptorTest extends UserIndexContract {

    private static final String TABLE = Postgres.freshTable();
    private static final ExecutorService BLOCKING = Executors.newFixedThreadPool(16);
    private static HikariDataSource dataSource;
    private static ApplicationContext json;

    @BeforeAll
    static void createTable() throws SQLException {
        // Pooled, as in an application: a new PostgreSQL connection per statement would be most of the time.
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(Postgres.url());
        pool.setMaximumPoolSize(16);
        dataSource = new HikariDataSource(pool);
        json = ApplicationContext.run();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(new PostgresSessionSql(TABLE).createTable());
        }
    }

    @AfterAll
    static void dropTable() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + TABLE);
        }
        json.close();
        BLOCKING.shutdown();
        dataSource.close();
    }

    @Override
    protected KvAdaptor newStore(AdjustableClock clock) {
        return jdbc(clock);
    }

    private JdbcKvAdaptor jdbc(AdjustableClock clock) {
        return new JdbcKvAdaptor(
                dataSource, new PostgresSessionSql(TABLE), json.getBean(JsonMapper.class), BLOCKING, clock);
    }

    @Test
    void aSchemaQualifiedTableIsCreatedTwiceAndWorks() throws SQLException {
        String schema = "sk_" + Long.toHexString(System.nanoTime());
        JdbcKvAdaptor qualified = new JdbcKvAdaptor(
                dataSource,
                new PostgresSessionSql(schema + ".sessions"),
                json.getBean(JsonMapper.class),
                BLOCKING,
                clock);
        try {
            qualified.createTable();
            qualified.createTable(); // idempotent, as at every startup
            join(qualified.create(key("q"), new dev.sessionkit.store.SessionRecord(meta(), Map.of("a", "1"))));
            assertEquals(Map.of("a", "1"), join(qualified.load(key("q"))).fields());
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void aSessionIsOneRowWithTheFieldsAsJsonb() throws SQLException {
        create("k", Map.of("cart", "[{\"sku\":\"mug\"}]"));
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT jsonb_typeof(fields), fields->>'cart', version FROM " + TABLE
                        + " WHERE id = '" + key("k") + "'")) {
            assertTrue(rs.next());
            assertEquals("object", rs.getString(1));
            assertEquals("[{\"sku\":\"mug\"}]", rs.getString(2), "the field's JSON, byte for byte");
            assertEquals(0, rs.getLong(3));
        }
    }

    @Test
    void theSweeperDeletesExpiredRowsInBoundedBatches() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + TABLE); // other tests' rows would expire too
        }
        for (int i = 0; i < 25; i++) {
            create("old" + i, Map.of());
        }
        clock.advance(Duration.ofHours(1));
        create("fresh", Map.of());
        List<String> expired = new java.util.concurrent.CopyOnWriteArrayList<>();
        JdbcKvAdaptor adaptor = new JdbcKvAdaptor(
                dataSource,
                new PostgresSessionSql(TABLE),
                json.getBean(JsonMapper.class),
                BLOCKING,
                clock,
                (key, userId, expiredAt, via) -> expired.add(via + ":" + key),
                JdbcKvAdaptor.DEFAULT_READ_CONNECTIONS);
        assertEquals(20, adaptor.sweepExpired(10, 2), "two batches of ten at most");
        assertEquals(5, adaptor.sweepExpired(10, 2));
        assertEquals(0, adaptor.sweepExpired(10, 2));
        assertTrue(load("fresh") != null);
        assertEquals(25, expired.size(), "each swept session is reported");
        assertTrue(expired.contains("sweep:" + key("old7")), expired.toString());
    }
}
