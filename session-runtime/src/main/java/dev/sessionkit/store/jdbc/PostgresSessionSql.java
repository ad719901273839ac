package dev.sessionkit.store.jdbc;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.reflect.ClassUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGStatement;

/** The PostgreSQL dialect: JSONB merge for field deltas, {@code SKIP LOCKED} for the sweeper. */
public final class PostgresSessionSql implements SessionSql {

    /** The DDL file, also a Flyway migration under {@code classpath:db/sessionkit/postgresql}. */
    public static final String DDL = "/db/sessionkit/postgresql/V1__sessionkit_sessions.sql";

    /** The migration that adds the sign-in columns to a table made by the first one. */
    public static final String DDL_SIGN_IN = "/db/sessionkit/postgresql/V2__sessionkit_sign_in.sql";

    private static final String META_COLUMNS = "created_at, updated_at, idle_expires_at, absolute_expires_at,"
            + " user_id, ip, user_agent, label, signed_in_at, sign_in_meta";

    /** Whether the PostgreSQL JDBC driver is there to be told how to plan (another driver may speak PostgreSQL). */
    private static final boolean PGJDBC =
            ClassUtils.isPresent("org.postgresql.PGStatement", PostgresSessionSql.class.getClassLoader());

    /** The table name the DDL file uses. */
    public static final String DEFAULT_TABLE = "sessionkit_sessions";

    private final String table;

    // The statements a request runs, built once rather than at every call.
    private final String load;
    private final String loadMany;
    private final String insert;
    private final String update;
    private final String updateIf;
    private final String delete;

    /** @param table the sessions table: letters, digits and underscores, optionally schema-qualified */
    public PostgresSessionSql(@NonNull String table) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new IllegalArgumentException("session.jdbc.table '" + table
                    + "' must be a plain SQL name: letters, digits and underscores, optionally schema.table");
        }
        this.table = table;
        this.load = "SELECT " + META_COLUMNS + ", fields::text FROM " + table + " WHERE id = ? AND expires_at > ?";
        this.loadMany =
                "SELECT " + META_COLUMNS + ", fields::text, id FROM " + table + " WHERE id = ANY(?) AND expires_at > ?";
        this.insert = "INSERT INTO " + table
                + " (id, user_id, created_at, updated_at, idle_expires_at, absolute_expires_at,"
                + " expires_at, ip, user_agent, label, signed_in_at, sign_in_meta, fields)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)";
        // One statement under the row lock: concurrent writers of different fields both persist.
        this.update = "UPDATE " + table
                + " SET user_id = ?, updated_at = ?, idle_expires_at = ?, absolute_expires_at = ?,"
                + " expires_at = ?, ip = ?, user_agent = ?, label = ?, signed_in_at = ?, sign_in_meta = ?,"
                + " fields = (fields || ?::jsonb) - ?::text[],"
                + " version = version + 1 WHERE id = ? AND expires_at > ?";
        // The row lock makes compare and write one step: a concurrent writer's commit is waited
        // for, and these conditions are evaluated again on the row it left. They must stay plain
        // expressions of the row: a subquery would be planned as a join, which that second look
        // does not scan again. Every field value is a JSON string, so containment is equality.
        this.updateIf = update + " AND fields @> ?::jsonb AND NOT (fields ??| ?::text[])";
        this.delete = "DELETE FROM " + table + " WHERE id = ?";
    }

    @Override
    public @NonNull String createTable() {
        return schemaDdl() + tableDdl(read(DDL) + read(DDL_SIGN_IN));
    }

    private static String read(String resource) {
        try (InputStream in = PostgresSessionSql.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema-qualified table needs its schema; PostgreSQL creates indexes in the table's schema. */
    private String schemaDdl() {
        int dot = table.indexOf('.');
        return dot < 0 ? "" : "CREATE SCHEMA IF NOT EXISTS " + table.substring(0, dot) + ";\n";
    }

    /** The table name goes in as given; index names take its unqualified part, as they must. */
    private String tableDdl(String ddl) {
        String bare = table.substring(table.indexOf('.') + 1);
        String indexPrefix = "\u0000";
        return ddl.replace(DEFAULT_TABLE + "_", indexPrefix)
                .replace(DEFAULT_TABLE, table)
                .replace(indexPrefix, bare + "_");
    }

    /**
     * Every statement is planned for the table as it is when it runs. A sessions table starts empty
     * and grows, and the driver's server-side prepared statements would keep the plan the database
     * chose for the first few runs: a scan of a table that was one page, kept as the table grows
     * until something runs ANALYZE (autovacuum, if it is on and once it is due). One plan per
     * statement costs the database far less than one scan of a grown table.
     */
    @Override
    public @NonNull PreparedStatement prepare(@NonNull Connection connection, @NonNull String statement)
            throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement);
        if (PGJDBC && prepared.isWrapperFor(PGStatement.class)) {
            prepared.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return prepared;
    }

    /**
     * Stale past 1,000 changes and a fifth of the table since the last ANALYZE, or never analyzed
     * past 1,000 rows: looser than autovacuum's default, so that with autovacuum on this rarely
     * runs.
     */
    @Override
    public @NonNull String statisticsStale() {
        return "SELECT n_mod_since_analyze > 1000 + n_live_tup / 5"
                + " OR (last_analyze IS NULL AND last_autoanalyze IS NULL AND n_live_tup + n_mod_since_analyze > 1000)"
                + " FROM pg_stat_user_tables WHERE relid = '" + table + "'::regclass";
    }

    @Override
    public @NonNull String analyze() {
        return "ANALYZE " + table;
    }

    @Override
    public @NonNull String load() {
        return load;
    }

    @Override
    public @NonNull String loadMany() {
        return loadMany;
    }

    /**
     * {@link #loadMany()} for the event loops' own connections ({@link LoopReads}): the ids as
     * {@code $1 text[]}, and each row's {@code expires_at} last, for the reader to compare.
     *
     * <p>It matches on the key alone. The statement is planned once per connection, for any ids
     * and any time; with an expiry condition beside the key, a plan made while the table was
     * empty takes the expiry index, and from then on every read walks the index entries of every
     * live session, and of every row version a write left behind. With the key alone, the key's
     * index is the only one it can use.
     *
     * @return the statement
     */
    @NonNull
    String loadBatch() {
        return "SELECT " + META_COLUMNS + ", fields::text, id, expires_at FROM " + table + " WHERE id = ANY($1)";
    }

    @Override
    public @NonNull String insert() {
        return insert;
    }

    @Override
    public @NonNull String update() {
        return update;
    }

    @Override
    public @NonNull String updateIf() {
        return updateIf;
    }

    @Override
    public @NonNull String delete() {
        return delete;
    }

    @Override
    public @NonNull String sweep() {
        // SKIP LOCKED: several instances sweeping at once take different rows and never wait.
        return "DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table
                + " WHERE expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING id, user_id, expires_at";
    }

    @Override
    public @NonNull String scan() {
        // Keyset paging on the primary key: each page is one index range read, however many rows.
        return "SELECT " + META_COLUMNS + ", id FROM " + table
                + " WHERE starts_with(id, ?) AND id > ? AND expires_at > ? ORDER BY id LIMIT ?";
    }

    @Override
    public @NonNull String listByUser() {
        return "SELECT id, created_at, updated_at, expires_at, ip, user_agent, label, absolute_expires_at,"
                + " signed_in_at FROM " + table
                + " WHERE user_id = ? AND starts_with(id, ?) AND expires_at > ? ORDER BY updated_at DESC";
    }

    @Override
    public @NonNull String deleteForUser() {
        return "DELETE FROM " + table + " WHERE id = ? AND user_id = ? AND expires_at > ?";
    }

    @Override
    public @NonNull String deleteByUser() {
        return "DELETE FROM " + table
                + " WHERE user_id = ? AND starts_with(id, ?) AND id IS DISTINCT FROM ? AND expires_at > ? RETURNING id";
    }
}
