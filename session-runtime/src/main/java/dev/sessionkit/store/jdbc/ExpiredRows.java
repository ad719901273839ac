package dev.sessionkit.store.jdbc;

import dev.sessionkit.store.ExpiryListener;
import dev.sessionkit.store.SessionStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/** The sweeper's statement, run in bounded batches, each deleted row told to the expiry listener. */
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
}
