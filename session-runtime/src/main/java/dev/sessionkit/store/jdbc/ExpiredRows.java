package dev.sessionkit.store.jdbc;

import dev.sessionkit.store.ExpiryListener;
import dev.sessionkit.store.SessionStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The sweeper's work: the expired rows, deleted in bounded batches and each told to the expiry
 * listener, then the table's planner statistics, refreshed when they are missing or stale.
 */
final class ExpiredRows {

    private ExpiredRows() {}

    /** @return how many rows were deleted, in at most {@code maxBatches} statements of {@code batchSize} */
    static int sweep(
            DataSource dataSource,
            SessionSql sql,
            Clock clock,
            ExpiryListener expiries,
            int batchSize,
            int maxBatches) {
        int total = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = sql.prepare(c, sql.sweep())) {
            for (int batch = 0; batch < maxBatches; batch++) {
                s.setObject(1, SessionRows.time(clock.millis()));
                s.setInt(2, batchSize);
                int deleted = 0;
                try (ResultSet swept = s.executeQuery()) {
                    while (swept.next()) {
                        deleted++;
                        expiries.expired(swept.getString(1), swept.getString(2), SessionRows.millis(swept, 3), "sweep");
                    }
                }
                total += deleted;
                if (deleted < batchSize) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new SessionStoreException("Sweeping expired sessions failed", e);
        }
        return total;
    }

    /**
     * Runs ANALYZE when the table has changed much since its statistics were taken, or never had
     * any: without them the database pages through the table with a scan and a sort instead of its
     * primary key. Autovacuum does this when it is on; this covers a database where it is off.
     *
     * @return whether it ran
     */
    static boolean analyzeIfStale(DataSource dataSource, SessionSql sql) {
        String stale = sql.statisticsStale();
        if (stale == null) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            boolean due;
            try (ResultSet rs = s.executeQuery(stale)) {
                due = rs.next() && rs.getBoolean(1);
            }
            if (due) {
                s.execute(sql.analyze());
            }
            return due;
        } catch (SQLException e) {
            throw new SessionStoreException("Refreshing the sessions table's statistics failed", e);
        }
    }
}
