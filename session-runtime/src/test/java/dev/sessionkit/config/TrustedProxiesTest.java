package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "::1"));

    private static HttpHeaders headers(String... lines) {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        for (int i = 0; i < lines.length; i += 2) {
            request.getHeaders().add(lines[i], lines[i + 1]);
        }
        return request.getHeaders();
    }

    @Test
    void theClientIsTheRightmostUntrustedForwardedAddress() throws Exception {
        InetAddress proxy = InetAddress.getByName("10.1.1.1");
        assertEquals(
                "203.0.113.7",
                proxies.clientAddress(proxy, headers("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 10.2.2.2")));
        assertEquals("203.0.113.7", proxies.clientAddress(proxy, headers("X-Forwarded-For", "203.0.113.7")));
        assertEquals("10.1.1.1", proxies.clientAddress(proxy, headers()));
    }

    @Test
    void everyLineOfTheHeaderCountsInOrder() throws Exception {
        InetAddress proxy = InetAddress.getByName("10.1.1.1");
        // The client sent its own line first; the proxy added the real address as a second line.
        assertEquals(
                "203.0.113.7",
                proxies.clientAddress(proxy, headers("X-Forwarded-For", "6.6.6.6", "X-Forwarded-For", "203.0.113.7")));
        assertEquals(
                "203.0.113.7",
                proxies.clientAddress(
                        proxy,
                        headers("X-Forwarded-For", "6.6.6.6, 7.7.7.7", "X-Forwarded-For", "203.0.113.7, 10.2.2.2")));
    }

    @Test
    void theForwardedHeaderIsReadWhenTheProxiesWriteIt() throws Exception {
        TrustedProxies rfc = TrustedProxies.of(List.of("10.0.0.0/8"), ForwardedHeaders.FORWARDED);
        InetAddress proxy = InetAddress.getByName("10.1.1.1");
        HttpHeaders forwarded = headers(
                "Forwarded", "for=6.6.6.6",
                "Forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https;host=notes.example.com, for=10.2.2.2");
        assertEquals("2001:db8:cafe::17", rfc.clientAddress(proxy, forwarded));
        assertEquals("192.0.2.1", rfc.clientAddress(proxy, headers("Forwarded", "for=192.0.2.1:8080;by=10.1.1.1")));
        assertEquals("10.1.1.1", rfc.clientAddress(proxy, headers("Forwarded", "for=unknown")), "not an address");
        assertEquals("6.6.6.6", rfc.forwarded(proxy, headers("Forwarded", "proto=http;for=6.6.6.6"), "for"));
        assertEquals(
                "10.1.1.1",
                rfc.clientAddress(proxy, headers("X-Forwarded-For", "6.6.6.6")),
                "the other kind of header is the client's own");
        assertEquals(
                "10.1.1.1",
                proxies.clientAddress(proxy, headers("Forwarded", "for=6.6.6.6")),
                "the other kind of header is the client's own");
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() throws Exception {
        InetAddress stranger = InetAddress.getByName("192.0.2.9");
        assertEquals("192.0.2.9", proxies.clientAddress(stranger, headers("X-Forwarded-For", "1.2.3.4")));
        assertEquals(
                "192.0.2.9",
                TrustedProxies.of(List.of()).clientAddress(stranger, headers("X-Forwarded-For", "1.2.3.4")));
    }

    @Test
    void httpsBehindATrustedProxyCountsAsSecure() throws Exception {
        InetAddress proxy = InetAddress.getByName("10.1.1.1");
        assertEquals("https", proxies.forwarded(proxy, headers("X-Forwarded-Proto", "https"), "proto"));
        assertNull(
                proxies.forwarded(InetAddress.getByName("192.0.2.9"), headers("X-Forwarded-Proto", "https"), "proto"),
                "only from a trusted proxy");
        assertEquals(
                "notes.example.com",
                proxies.forwarded(proxy, headers("X-Forwarded-Host", "notes.example.com, x"), "host"));
    }

    @Test
    void garbageEntriesStopStartup() {
        assertThrows(ConfigurationException.class, () -> TrustedProxies.of(List.of("proxy.example.com")));
        assertThrows(ConfigurationException.class, () -> TrustedProxies.of(List.of("10.0.0.0/x")));
    }

    @Test
    void onlyLiteralDottedQuadsAndIpv6AreAddresses() throws Exception {
        for (String notLiteral : List.of("10.1", "127.1", "2130706433", "1e100", "10.0.0.256", "010.0.0.1")) {
            assertThrows(
                    ConfigurationException.class,
                    () -> TrustedProxies.of(List.of(notLiteral)),
                    notLiteral + " would be resolved or read ambiguously");
        }
        TrustedProxies proxies = TrustedProxies.of(List.of("127.0.0.1", "::1", "fd00::/8"));
        java.net.InetAddress peer = java.net.InetAddress.getByName("127.0.0.1");
        assertEquals(
                "127.0.0.1",
                proxies.clientAddress(peer, headers("X-Forwarded-For", "1e100")),
                "a forwarded name is not an address");
    }
}
