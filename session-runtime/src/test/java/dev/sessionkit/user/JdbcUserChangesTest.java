package dev.sessionkit.user;

import dev.sessionkit.testing.Postgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** Two instances on one PostgreSQL table. */
class JdbcUserChangesTest extends UserChangesContract {

    private final String table = Postgres.freshTable();

    @Override
    Map<String, String> storeProperties() {
        Map<String, String> properties = new HashMap<>(Postgres.datasource());
        properties.put("session.store", "jdbc");
        properties.put("session.jdbc.table", table);
        properties.put("session.jdbc.initialize-schema", "true");
        return properties;
    }

    @AfterAll
    void dropTable() throws SQLException {
        try (Connection c = Postgres.connect();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }
}
