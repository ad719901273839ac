package dev.sessionkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.MutableClock;
import dev.sessionkit.support.StoreScenarios;
import dev.sessionkit.support.TcpProxy;
import dev.sessionkit.testing.Postgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The lifecycle on PostgreSQL over real HTTP, the table created by the application itself, and a
 * database outage (its connections cut by a proxy) answered 503 within the timeout, then healed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JdbcSessionTest implements TestPropertyProvider {

    private static final long STORE_TIMEOUT_MS = 1500;

    private final String table = Postgres.freshTable();
    private final TcpProxy proxy = proxy();

    @Inject
    EmbeddedServer server;

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        String url = Postgres.url();
        URI target = URI.create(url.substring("jdbc:".length()));
        String viaProxy = url.replace(":" + target.getPort() + "/", ":" + proxy.port() + "/");
        Map<String, String> properties = new HashMap<>(Postgres.datasource());
        properties.put("datasources.default.url", viaProxy);
        properties.put("datasources.default.connection-timeout", "1000");
        properties.put("session.store", "jdbc");
        properties.put("session.store-timeout", STORE_TIMEOUT_MS + "ms");
        properties.put("session.jdbc.table", table);
        properties.put("session.jdbc.initialize-schema", "true");
        return properties;
    }

    @AfterAll
    void cleanUp() throws IOException, SQLException {
        proxy.close();
        Postgres.drop(table);
    }

    @Test
    void signInMetadataIsBoundedAndCounted() {
        StoreScenarios.metadataIsBoundedAndCounted(server.getURI());
    }

    @Test
    void overlappingUpdatesLoseNothing() {
        StoreScenarios.overlappingUpdatesLoseNothing(server.getURI());
    }

    @Test
    void undecodableFieldsReadAsTheirDefaults() {
        StoreScenarios.undecodableFieldsReadAsTheirDefaults(server.getURI());
    }

    @Test
    void aUserHasTenSessionsByDefault() {
        StoreScenarios.aUserHasTenSessionsByDefault(server.getURI(), clock);
    }

    @Test
    @Order(1)
    void theLifecycleWorksOnPostgres() {
        StoreScenarios.lifecycle(server.getURI());
    }

    @Test
    void sessionsOutsideHttp() {
        StoreScenarios.sessionsOutsideHttp(server);
    }

    @Test
    void everySessionCanBeListedByPages() {
        StoreScenarios.everySessionCanBeListedByPages(server, 7);
    }

    @Test
    @Order(2)
    void jdbcNeverRunsOnTheEventLoopAndControllersNeverRunOnJdbcThreads() {
        Client browser = new Client(server.getURI(), "session");
        browser.post("/t/put/user?value=alice");
        String thread = browser.get("/t/thread").body();
        assertTrue(thread.contains("eventLoop"), thread);
        assertFalse(thread.contains("io-executor") || thread.contains("blocking"), thread);
    }

    @Test
    @Order(3)
    void aDatabaseOutageIsA503WithinTheTimeoutAndHealsByItself() throws Exception {
        StoreScenarios.outageAndRecovery(server.getURI(), STORE_TIMEOUT_MS, proxy::cut, proxy::start);
    }

    private static TcpProxy proxy() {
        try {
            return new TcpProxy(
                    URI.create(Postgres.url().substring("jdbc:".length())).getPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
