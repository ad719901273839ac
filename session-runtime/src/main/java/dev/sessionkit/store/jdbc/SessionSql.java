package dev.sessionkit.store.jdbc;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Every statement the JDBC store runs, for one SQL dialect. Parameters are positional and in
 * the order each method's Javadoc gives; times are {@code TIMESTAMPTZ}, field deltas JSON text.
 */
public interface SessionSql {

    /**
     * Prepares one of these statements on a connection; a dialect can set how its driver plans it.
     *
     * @param connection the connection
     * @param statement one of this dialect's statements
     * @return the prepared statement
     * @throws SQLException when the driver refuses it
     */
    default @NonNull PreparedStatement prepare(@NonNull Connection connection, @NonNull String statement)
            throws SQLException {
        return connection.prepareStatement(statement);
    }

    /**
     * @return a query whose one boolean says the table's planner statistics are missing or stale,
     *     or null where the database needs no help keeping them
     */
    default @Nullable String statisticsStale() {
        return null;
    }

    /** @return the statement that refreshes the table's planner statistics, when {@link #statisticsStale()} says so */
    default @Nullable String analyze() {
        return null;
    }

    /** @return the DDL that creates the table and its indexes, idempotently */
    @NonNull
    String createTable();

    /**
     * @return SELECT created, updated, idle expiry, absolute expiry, user, ip, user agent, label,
     *     fields text; params: id, now
     */
    @NonNull
    String load();

    /**
     * @return the {@link #load()} of many sessions at once: its columns, then the id; params: ids
     *     (text array), now
     */
    @NonNull
    String loadMany();

    /**
     * @return INSERT of a whole session; params: id, user, created, updated, idle expiry,
     *     absolute expiry, expiry, ip, user agent, label, fields JSON
     */
    @NonNull
    String insert();

    /**
     * @return save-if-exists delta UPDATE; params: user, updated, idle expiry, absolute expiry,
     *     expiry, ip, user agent, label, fields to merge (JSON object), fields to remove (text
     *     array), id, now
     */
    @NonNull
    String update();

    /**
     * @return the {@link #update()} with a compare-and-set: it changes the row only while each
     *     expected field holds its expected text and each expected-absent field is absent; params:
     *     those of {@link #update()}, then the expected fields (JSON object of strings), then the
     *     fields expected absent (text array)
     */
    @NonNull
    String updateIf();

    /** @return DELETE by id; params: id */
    @NonNull
    String delete();

    /**
     * @return a page of live sessions in key order after a cursor: the metadata columns as {@link
     *     #load()} reads them, then the id; params: namespace, cursor (the namespace for the first page),
     *     now, n
     */
    @NonNull
    String scan();

    /** @return DELETE of at most n expired rows returning their id, user id and expiry; params: now, n */
    @NonNull
    String sweep();

    /**
     * @return a user's live sessions, newest activity first: id, created, updated, expiry, ip,
     *     user agent, label; params: user, namespace, now
     */
    @NonNull
    String listByUser();

    /** @return DELETE of one live session if it is the user's; params: id, user, now */
    @NonNull
    String deleteForUser();

    /**
     * @return DELETE of a user's live sessions except one id (null keeps none), returning the
     *     deleted ids; params: user,
     *     namespace, keep id, now
     */
    @NonNull
    String deleteByUser();
}
