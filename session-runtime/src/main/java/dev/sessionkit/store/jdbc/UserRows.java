package dev.sessionkit.store.jdbc;

import dev.sessionkit.store.SessionSummary;
import io.micronaut.core.annotation.Nullable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The statements on one user's sessions: listing them and signing them out, through the user id index. */
final class UserRows {

    private final SessionSql sql;
    private final Clock clock;

    UserRows(SessionSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    List<SessionSummary> list(Connection c, String namespace, String userId) throws SQLException {
        try (PreparedStatement s = sql.prepare(c, sql.listByUser())) {
            s.setString(1, userId);
            s.setString(2, namespace);
            s.setObject(3, SessionRows.time(clock.millis()));
            List<SessionSummary> sessions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sessions.add(SessionRows.summary(rs));
                }
            }
            return sessions;
        }
    }

    boolean deleteOne(Connection c, String userId, String key) throws SQLException {
        try (PreparedStatement s = sql.prepare(c, sql.deleteForUser())) {
            s.setString(1, key);
            s.setString(2, userId);
            s.setObject(3, SessionRows.time(clock.millis()));
            return s.executeUpdate() > 0;
        }
    }

    /** @return the deleted keys */
    List<String> deleteAll(Connection c, String namespace, String userId, @Nullable String keepKey)
            throws SQLException {
        try (PreparedStatement s = sql.prepare(c, sql.deleteByUser())) {
            s.setString(1, userId);
            s.setString(2, namespace);
            s.setString(3, keepKey);
            s.setObject(4, SessionRows.time(clock.millis()));
            try (ResultSet deleted = s.executeQuery()) {
                return SessionRows.strings(deleted);
            }
        }
    }
}
