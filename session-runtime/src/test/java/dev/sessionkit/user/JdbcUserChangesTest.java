package dev.sessionkit.user;

import dev.sessionkit.testing.Postgres;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** Two instances on one PostgreSQL table. */
class JdbcUserChangesTest extends UserChangesContract {

    private final String table = Postgres.freshTable();

    @Override
    Map<String, String> storeProperties() {
        return Postgres.jdbcStore(table);
    }

    @AfterAll
    void dropTable() throws SQLException {
        Postgres.drop(table);
    }
}
