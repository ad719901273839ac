package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "::1"));

    @Test
    void theClientIsTheRightmostUntrustedForwardedAddress() throws Exception {
        InetAddress proxy = InetAddress.getByName("10.1.1.1");
        assertEquals("203.0.113.7", proxies.clientAddress(proxy, "198.51.100.1, 203.0.113.7, 10.2.2.2"));
        assertEquals("203.0.113.7", proxies.clientAddress(proxy, "203.0.113.7"));
        assertEquals("10.1.1.1", proxies.clientAddress(proxy, null));
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() throws Exception {
        InetAddress stranger = InetAddress.getByName("192.0.2.9");
        assertEquals("192.0.2.9", proxies.clientAddress(stranger, "1.2.3.4"));
        assertEquals("192.0.2.9", TrustedProxies.of(List.of()).clientAddress(stranger, "1.2.3.4"));
    }

    @Test
    void httpsBehindATrustedProxyCountsAsSecure() throws Exception {
        assertTrue(proxies.isSecure(InetAddress.getByName("10.1.1.1"), false, "https"));
        assertFalse(proxies.isSecure(InetAddress.getByName("192.0.2.9"), false, "https"), "only from a trusted proxy");
        assertFalse(proxies.isSecure(InetAddress.getByName("10.1.1.1"), false, "http"));
        assertTrue(proxies.isSecure(InetAddress.getByName("192.0.2.9"), true, null), "direct TLS");
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
        assertEquals("127.0.0.1", proxies.clientAddress(peer, "1e100"), "a forwarded name is not an address");
    }
}
