package dev.sessionkit.live;

import dev.sessionkit.testing.Postgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** Two instances on one PostgreSQL table: endings travel by NOTIFY. */
class JdbcLiveAcrossInstancesTest extends LiveAcrossInstancesContract {

    private static final String TABLE = Postgres.freshTable();

    @Override
    Map<String, String> storeProperties() {
        Map<String, String> properties = new HashMap<>(Postgres.datasource());
        properties.put("session.store", "jdbc");
        properties.put("session.jdbc.table", TABLE);
        properties.put("session.jdbc.initialize-schema", "true");
        return properties;
    }

    @Override
    int trials() {
        return 200;
    }

    @AfterAll
    void dropTable() throws SQLException {
        try (Connection c = Postgres.connect();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }
}
