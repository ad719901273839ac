package dev.sessionkit.live;

import dev.sessionkit.testing.Postgres;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** Two instances on one PostgreSQL table: endings travel by NOTIFY. */
class JdbcLiveAcrossInstancesTest extends LiveAcrossInstancesContract {

    private static final String TABLE = Postgres.freshTable();

    @Override
    Map<String, String> storeProperties() {
        return Postgres.jdbcStore(TABLE);
    }

    @Override
    int trials() {
        return 200;
    }

    @AfterAll
    void dropTable() throws SQLException {
        Postgres.drop(TABLE);
    }
}
