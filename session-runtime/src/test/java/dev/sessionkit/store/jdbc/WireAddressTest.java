package dev.sessionkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.annotation.Nullable;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The event loops' read connections follow the data source's URL only where they would connect
 * exactly as the driver does; anything else keeps reads on JDBC and says why.
 */
class WireAddressTest {

    private final List<String> refusals = new ArrayList<>();

    private @Nullable WireAddress parse(String url) {
        return WireAddress.parse(url, null, null, refusals::add);
    }

    @Test
    void aLoopbackUrlIsTakenWithItsUserAndDatabase() {
        WireAddress address = parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=pw");
        assertNotNull(address, refusals.toString());
        assertEquals("127.0.0.1", address.host());
        assertEquals(5432, address.port());
        assertEquals("postgres", address.user());
        assertEquals("test", address.startup().get("database"));
        assertEquals("pw", address.password());
        assertFalse(address.toString().contains("pw"), "the password is never printed");
    }

    @Test
    void theDataSourcesCredentialsWinAndThePortDefaults() {
        WireAddress address =
                WireAddress.parse("jdbc:postgresql://localhost/app?user=x", "app", "secret", refusals::add);
        assertNotNull(address);
        assertEquals(5432, address.port());
        assertEquals("app", address.user());
        assertEquals("secret", address.password());
    }

    @Test
    void anIpv6LoopbackWithAPortIsTaken() {
        WireAddress address = parse("jdbc:postgresql://[::1]:5433/app");
        assertNotNull(address, refusals.toString());
        assertEquals("::1", address.host());
        assertEquals(5433, address.port());
    }

    @Test
    void aRemoteHostIsTakenOnlyWhenTlsIsTurnedOff() {
        assertNull(parse("jdbc:postgresql://db.internal:5432/app"), "the driver would prefer TLS there");
        assertTrue(refusals.get(0).contains("TLS"), refusals.toString());
        assertNotNull(parse("jdbc:postgresql://db.internal:5432/app?sslmode=disable"));
        assertNull(parse("jdbc:postgresql://localhost/app?sslmode=require"), "TLS asked for, even on loopback");
    }

    @Test
    void severalHostsOrAnotherDatabaseStayOnJdbc() {
        assertNull(parse("jdbc:postgresql://a:5432,b:5432/app?sslmode=disable"));
        assertNull(parse("jdbc:mysql://localhost/app"));
        assertNull(parse("jdbc:postgresql://localhost:port/app"), "a malformed URL is refused, not a startup crash");
        assertEquals(3, refusals.size());
    }

    @Test
    void aParameterThatChangesTheConnectionStaysOnJdbcAndIsNamed() {
        assertNull(parse("jdbc:postgresql://localhost/app?targetServerType=primary"));
        assertTrue(refusals.get(0).contains("targetServerType"), refusals.toString());
    }

    @Test
    void theSchemaAndOptionsGoIntoTheStartupMessage() {
        WireAddress address = parse("jdbc:postgresql://localhost/app?currentSchema=sk&options=-c%20work_mem%3D8MB"
                + "&ApplicationName=shop&prepareThreshold=0");
        assertNotNull(address, refusals.toString());
        assertEquals("sk", address.startup().get("search_path"));
        assertEquals("-c work_mem=8MB", address.startup().get("options"));
        assertEquals("shop", address.startup().get("application_name"));
    }

    @Test
    void anAddressIsUsedAsItIsAndANameIsLookedUpOffTheCallersThread() throws Exception {
        Executor refusing = task -> {
            throw new AssertionError("an address literal needs no lookup");
        };
        WireAddress literal = parse("jdbc:postgresql://127.0.0.1:5433/app");
        assertNotNull(literal);
        assertEquals(5433, literal.resolve(refusing).getNow(null).getPort());

        WireAddress named = parse("jdbc:postgresql://localhost:5433/app");
        assertNotNull(named);
        List<Thread> lookups = new ArrayList<>();
        InetSocketAddress resolved = named.resolve(task -> {
                    Thread t = new Thread(task);
                    lookups.add(t);
                    t.start();
                })
                .get(5, TimeUnit.SECONDS);
        assertTrue(resolved.getAddress().isLoopbackAddress());
        assertEquals(1, lookups.size(), "the name was looked up on the executor");
    }
}
