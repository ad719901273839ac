package dev.sessionkit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A real PostgreSQL for tests: the machine's on 127.0.0.1:5432 (database {@code test}, trust
 * auth) when it answers, otherwise one the tests start from the binaries published on Maven
 * Central. {@code -Dsessionkit.test.postgres=own} ignores the machine's server.
 */
public final class Postgres {

    private static String url;
    private static EmbeddedPostgres embedded;

    private Postgres() {}

    /** @return a JDBC URL with credentials of a database the tests may use */
    public static synchronized String url() {
        if (url == null) {
            String machine = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
            url = !"own".equals(System.getProperty("sessionkit.test.postgres")) && answers(machine) ? machine : start();
        }
        return url;
    }

    /** @return datasource properties for Micronaut pointing at {@link #url()} */
    public static Map<String, String> datasource() {
        return Map.of(
                "datasources.default.url", url(),
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.maximum-pool-size", "8");
    }

    /** @return a fresh table name, so test classes never share rows */
    public static String freshTable() {
        return "sk_test_" + Long.toHexString(System.nanoTime()) + Integer.toHexString((int) (Math.random() * 0xffff));
    }

    /**
     * @param table the sessions table, made at startup
     * @return the properties that put an application's sessions in that table
     */
    public static Map<String, String> jdbcStore(String table) {
        Map<String, String> properties = new java.util.HashMap<>(datasource());
        properties.put("session.store", "jdbc");
        properties.put("session.jdbc.table", table);
        properties.put("session.jdbc.initialize-schema", "true");
        return properties;
    }

    /** Drops a test's table, so the shared database keeps nothing of the test. */
    public static void drop(String table) throws SQLException {
        try (Connection c = connect();
                java.sql.Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    /** Runs one statement on a connection of its own. */
    public static void execute(String statement) throws SQLException {
        try (Connection c = connect();
                java.sql.Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /**
     * @return the sequential scans of {@code table} as the statistics have them now; a backend
     *     reports its own when it goes idle, at most once a second
     */
    public static long sequentialScans(String table) throws SQLException {
        return number("SELECT seq_scan FROM pg_stat_user_tables WHERE relname = '" + table + "'");
    }

    /**
     * @return how often {@code table} was read other than by a probe of its primary key: its
     *     sequential scans and the scans of its other indexes, as the statistics have them now (a
     *     backend reports its own when it goes idle, at most once a second)
     */
    public static long scansBesideTheKey(String table) throws SQLException {
        return number("SELECT t.seq_scan + coalesce((SELECT sum(i.idx_scan)"
                + " FROM pg_stat_user_indexes i JOIN pg_index x ON x.indexrelid = i.indexrelid"
                + " WHERE i.relid = t.relid AND NOT x.indisprimary), 0)"
                + " FROM pg_stat_user_tables t WHERE t.relname = '" + table + "'");
    }

    /** @return the first column of the first row {@code query} returns, read on a connection of its own */
    public static long number(String query) throws SQLException {
        try (Connection c = connect();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    private static boolean answers(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl + "&connectTimeout=2")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String start() {
        try {
            embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(Postgres::stop, "stop-test-postgres"));
            return embedded.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("could not start an embedded PostgreSQL", e);
        }
    }

    private static void stop() {
        try {
            embedded.close();
        } catch (IOException e) {
            // the JVM is exiting
        }
    }
}
