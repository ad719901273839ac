package dev.sessionkit.store.jdbc;

import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionStoreException;
import dev.sessionkit.store.SessionSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How a session maps onto a row of the sessions table: timestamps in UTC, fields as a JSON object. */
final class SessionRows {

    private static final Argument<Map<String, String>> FIELDS = Argument.mapOf(String.class, String.class);

    private final JsonMapper json;

    SessionRows(JsonMapper json) {
        this.json = json;
    }

    /** user, then {@link #setMetaFrom}'s columns; returns the next index. */
    static int setMeta(PreparedStatement s, int first, SessionMeta meta) throws SQLException {
        s.setString(first, meta.userId());
        return setMetaFrom(s, first + 1, meta);
    }

    /** updated, idle, absolute, expiry, ip, user agent, label, signed in, sign-in meta; returns the next index. */
    static int setMetaFrom(PreparedStatement s, int first, SessionMeta meta) throws SQLException {
        int i = first;
        s.setObject(i++, time(meta.touchedAt()));
        s.setObject(i++, time(meta.idleExpiresAt()));
        s.setObject(i++, time(meta.absoluteExpiresAt()));
        s.setObject(i++, time(meta.expiresAt()));
        s.setString(i++, meta.ip());
        s.setString(i++, meta.userAgent());
        s.setString(i++, meta.label());
        s.setObject(i++, meta.signedInAt() == 0 ? null : time(meta.signedInAt()));
        s.setString(i++, meta.signInMeta());
        return i;
    }

    /** Binds {@link SessionSql#insert()}'s parameters. */
    void bindInsert(PreparedStatement s, String key, SessionRecord record) throws SQLException {
        SessionMeta meta = record.meta();
        s.setString(1, key);
        s.setString(2, meta.userId());
        s.setObject(3, time(meta.createdAt()));
        setMetaFrom(s, 4, meta);
        s.setString(13, encode(record.fields()));
    }

    /** @return the session under {@code key} unless it expired by {@code now}, read on {@code c} */
    @Nullable
    SessionRecord one(Connection c, SessionSql sql, String key, long now) throws SQLException {
        try (PreparedStatement s = sql.prepare(c, sql.load())) {
            s.setString(1, key);
            s.setObject(2, time(now));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? record(rs) : null;
            }
        }
    }

    SessionRecord record(ResultSet rs) throws SQLException {
        return new SessionRecord(meta(rs), fields(rs.getString(11)));
    }

    /** @return the metadata in columns 1 to 10, in the order {@link SessionSql#load()} reads them */
    static SessionMeta meta(ResultSet rs) throws SQLException {
        return new SessionMeta(
                millis(rs, 1),
                millis(rs, 2),
                millis(rs, 3),
                millis(rs, 4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getObject(9) == null ? 0 : millis(rs, 9),
                rs.getString(10));
    }

    /** @return a session list's row, in the order {@link SessionSql#listByUser()} reads it */
    static SessionSummary summary(ResultSet rs) throws SQLException {
        return new SessionSummary(
                rs.getString(1),
                millis(rs, 2),
                millis(rs, 3),
                millis(rs, 4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                millis(rs, 8),
                rs.getObject(9) == null ? 0 : millis(rs, 9));
    }

    String encode(Map<String, String> fields) {
        try {
            return new String(json.writeValueAsBytes(FIELDS, fields), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SessionStoreException("Session fields could not be encoded", e);
        }
    }

    /** @return the fields column's JSON object of strings */
    Map<String, String> fields(String text) {
        try {
            return json.readValue(text, FIELDS);
        } catch (IOException e) {
            throw new SessionStoreException("The fields column does not hold a JSON object of strings", e);
        }
    }

    static OffsetDateTime time(long millis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    static long millis(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant().toEpochMilli();
    }

    /** @return the first column of every row */
    static List<String> strings(ResultSet rows) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rows.next()) {
            values.add(rows.getString(1));
        }
        return values;
    }
}
