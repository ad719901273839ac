package dev.sessionkit.config;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code session.trusted-proxies}: addresses
 * or CIDR blocks). The client is the rightmost forwarded address that is not itself trusted, so a
 * client cannot forge its address by sending the header itself.
 */
public final class TrustedProxies {

    private final List<byte[]> networks;
    private final List<Integer> prefixes;

    private TrustedProxies(List<byte[]> networks, List<Integer> prefixes) {
        this.networks = networks;
        this.prefixes = prefixes;
    }

    /**
     * @param entries addresses ({@code 10.0.0.1}) or blocks ({@code 10.0.0.0/8}, {@code fd00::/8})
     * @return the matcher
     */
    public static @NonNull TrustedProxies of(@NonNull List<String> entries) {
        List<byte[]> networks = new ArrayList<>();
        List<Integer> prefixes = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.trim().split("/", 2);
            byte[] address = literal(parts[0]);
            if (address == null) {
                throw new SessionSetupException(
                        "session.trusted-proxies entry '" + entry + "' is not an IP address or CIDR block");
            }
            networks.add(address);
            prefixes.add(parts.length == 2 ? prefix(entry, parts[1], address.length * 8) : address.length * 8);
        }
        return new TrustedProxies(networks, prefixes);
    }

    private static int prefix(String entry, String text, int bits) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix >= 0 && prefix <= bits) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SessionSetupException(
                "session.trusted-proxies entry '" + entry + "' needs a prefix length from 0 to " + bits);
    }

    /**
     * @param remote the peer's address
     * @param forwardedFor the {@code X-Forwarded-For} header, if any
     * @return the client's address
     */
    public @Nullable String clientAddress(@Nullable InetAddress remote, @Nullable String forwardedFor) {
        if (remote == null) {
            return null;
        }
        if (forwardedFor == null || networks.isEmpty() || !trusts(remote.getAddress())) {
            return remote.getHostAddress();
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            byte[] address = literal(hop);
            if (address == null) {
                return remote.getHostAddress();
            }
            if (!trusts(address) || i == 0) {
                return hop;
            }
        }
        return remote.getHostAddress();
    }

    /**
     * Whether the request reached us over HTTPS: directly, or through a trusted proxy that says so
     * with {@code X-Forwarded-Proto: https}.
     *
     * @param remote the peer's address
     * @param direct whether the connection itself is TLS
     * @param forwardedProto the {@code X-Forwarded-Proto} header, if any
     * @return whether the client's connection is secure
     */
    public boolean isSecure(@Nullable InetAddress remote, boolean direct, @Nullable String forwardedProto) {
        if (direct) {
            return true;
        }
        return forwardedProto != null
                && remote != null
                && "https".equalsIgnoreCase(forwardedProto.split(",")[0].trim())
                && !networks.isEmpty()
                && trusts(remote.getAddress());
    }

    /** @return whether no proxy is trusted */
    public boolean isEmpty() {
        return networks.isEmpty();
    }

    private boolean trusts(byte[] address) {
        for (int n = 0; n < networks.size(); n++) {
            if (matches(networks.get(n), prefixes.get(n), address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] network, int prefix, byte[] address) {
        if (network.length != address.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (network[i] != address[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest);
        return (network[full] & mask) == (address[full] & mask);
    }

    /**
     * Parses an IP literal, never a name: a dotted quad of decimals without leading zeros (the
     * JDK would also take {@code 10.1} or {@code 2130706433}, and look names up in DNS), or an
     * IPv6 literal, which the JDK parses without a look-up because it contains a colon.
     */
    private static @Nullable byte[] literal(String text) {
        if (text.indexOf(':') >= 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean hex = Character.digit(c, 16) >= 0;
                if (!(hex || c == ':' || c == '.')) {
                    return null;
                }
            }
            try {
                return InetAddress.getByName(text).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return ipv4(text);
    }

    private static @Nullable byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                int digit = part.charAt(j) - '0';
                if (digit < 0 || digit > 9) {
                    return null;
                }
                value = value * 10 + digit;
            }
            if (value > 255) {
                return null;
            }
            address[i] = (byte) value;
        }
        return address;
    }
}
