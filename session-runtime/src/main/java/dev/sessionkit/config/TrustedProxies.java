package dev.sessionkit.config;

import dev.sessionkit.error.SessionSetupException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies whose forwarding headers are believed ({@code session.trusted-proxies}: addresses or
 * CIDR blocks) and which headers they write ({@code session.forwarded-headers}). The client is the
 * rightmost forwarded address that is not itself trusted, with every line of the header joined
 * in order (RFC 9110), so a client cannot forge its address by sending the header itself, not even
 * as a line of its own ahead of the proxy's.
 */
@Internal
public final class TrustedProxies {

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED = "Forwarded";

    private final List<byte[]> networks;
    private final List<Integer> prefixes;
    private final ForwardedHeaders kind;

    private TrustedProxies(List<byte[]> networks, List<Integer> prefixes, ForwardedHeaders headers) {
        this.networks = networks;
        this.prefixes = prefixes;
        this.kind = headers;
    }

    /**
     * @param entries addresses ({@code 10.0.0.1}) or blocks ({@code 10.0.0.0/8}, {@code fd00::/8})
     * @return the matcher, reading {@code X-Forwarded-*} headers
     */
    public static @NonNull TrustedProxies of(@NonNull List<String> entries) {
        return of(entries, ForwardedHeaders.X_FORWARDED);
    }

    /**
     * @param entries addresses ({@code 10.0.0.1}) or blocks ({@code 10.0.0.0/8}, {@code fd00::/8})
     * @param headers which headers those proxies write
     * @return the matcher
     */
    public static @NonNull TrustedProxies of(@NonNull List<String> entries, @NonNull ForwardedHeaders headers) {
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
        return new TrustedProxies(networks, prefixes, headers);
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
     * @param request the request
     * @return the client's address: the peer, or behind trusted proxies the forwarded client; null when unknown
     */
    public @Nullable String clientAddress(@NonNull HttpRequest<?> request) {
        return clientAddress(request.getRemoteAddress().getAddress(), request.getHeaders());
    }

    /**
     * @param remote the peer's address
     * @param headers the request's headers
     * @return the client's address
     */
    public @Nullable String clientAddress(@Nullable InetAddress remote, @NonNull HttpHeaders headers) {
        if (remote == null) {
            return null;
        }
        if (!trusts(remote)) {
            return remote.getHostAddress();
        }
        List<String> hops = hops(headers);
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
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

    private List<String> hops(HttpHeaders headers) {
        if (kind == ForwardedHeaders.FORWARDED) {
            return ForwardedHeader.forNodes(headers.getAll(FORWARDED));
        }
        List<String> hops = new ArrayList<>();
        for (String line : headers.getAll(X_FORWARDED_FOR)) {
            for (String hop : line.split(",", -1)) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    /**
     * Whether the request reached us over HTTPS: directly, or through a trusted proxy that says so
     * ({@code X-Forwarded-Proto: https}, or {@code proto=https} in {@code Forwarded}).
     *
     * @param request the request
     * @return whether the client's connection is secure
     */
    public boolean isSecure(@NonNull HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        return !networks.isEmpty() // no proxy to believe: no header look-ups on every request
                && "https"
                        .equalsIgnoreCase(
                                forwarded(request.getRemoteAddress().getAddress(), request.getHeaders(), "proto"));
    }

    /**
     * A value the client-facing trusted proxy forwarded: the first {@code X-Forwarded-<name>}
     * value, or the parameter of the first {@code Forwarded} element.
     *
     * @param remote the peer's address
     * @param headers the request's headers
     * @param name {@code proto}, {@code host} or {@code port}
     * @return the value, or null when the peer is not a trusted proxy or did not send it
     */
    public @Nullable String forwarded(
            @Nullable InetAddress remote, @NonNull HttpHeaders headers, @NonNull String name) {
        if (remote == null || !trusts(remote)) {
            return null;
        }
        if (kind == ForwardedHeaders.FORWARDED) {
            return "port".equals(name) ? null : ForwardedHeader.first(headers.getAll(FORWARDED), name);
        }
        String line = headers.get("X-Forwarded-" + name);
        if (line == null) {
            return null;
        }
        String first = line.split(",", 2)[0].trim();
        return first.isEmpty() ? null : first;
    }

    /**
     * @param remote the peer's address
     * @return whether it is a trusted proxy
     */
    public boolean trusts(@Nullable InetAddress remote) {
        return remote != null && !networks.isEmpty() && trusts(remote.getAddress());
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
