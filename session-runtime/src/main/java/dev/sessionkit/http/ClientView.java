package dev.sessionkit.http;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.config.TrustedProxies;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Singleton;
import java.net.InetAddress;

/**
 * The request as its client made it, seen through the proxies in {@code session.trusted-proxies}
 * and only through them: the client's address, whether its connection was HTTPS, and the origin
 * it addressed. SessionKit records, throttles and checks CSRF with these; applications use the
 * same bean rather than reading forwarding headers themselves, which a client can forge.
 */
@Singleton
public final class ClientView {

    private final TrustedProxies proxies;
    private final HttpHostResolver hosts;
    private final boolean hostResolutionConfigured;

    ClientView(SessionSettings settings, HttpHostResolver hosts, HttpServerConfiguration server) {
        this.proxies = settings.trustedProxies();
        this.hosts = hosts;
        HttpServerConfiguration.HostResolutionConfiguration resolution = server.getHostResolution();
        this.hostResolutionConfigured = resolution != null && resolution.headersConfigured();
    }

    /**
     * @param request the request
     * @return the client's address (the peer, or the client a trusted proxy forwarded), or null when unknown
     */
    public @Nullable String address(@NonNull HttpRequest<?> request) {
        return proxies.clientAddress(request);
    }

    /**
     * @param request the request
     * @return whether the client's connection is HTTPS, directly or at a trusted TLS proxy
     */
    public boolean isSecure(@NonNull HttpRequest<?> request) {
        return proxies.isSecure(request);
    }

    /**
     * The origin the client addressed, as a browser writes it in {@code Origin}. From a trusted
     * proxy it is what the proxy forwarded ({@code X-Forwarded-Host}/{@code -Proto}/{@code -Port} or
     * {@code Forwarded}), or, when {@code micronaut.server.host-resolution} names headers, what
     * Micronaut's host resolver makes of them; from anyone else, the {@code Host} header and the
     * connection's own scheme.
     *
     * @param request the request
     * @return {@code scheme://host[:port]} in lower case, the port left out when it is the scheme's default
     */
    public @NonNull String origin(@NonNull HttpRequest<?> request) {
        InetAddress peer = request.getRemoteAddress().getAddress();
        HttpHeaders headers = request.getHeaders();
        if (proxies.trusts(peer) && hostResolutionConfigured) {
            String resolved = Origins.canonical(hosts.resolve(request));
            return resolved == null ? "" : resolved;
        }
        String scheme = isSecure(request) ? "https" : "http";
        String host = proxies.forwarded(peer, headers, "host");
        String port = null;
        if (host == null) {
            host = headers.get(HttpHeaders.HOST);
        } else {
            port = proxies.forwarded(peer, headers, "port");
        }
        String origin = Origins.of(scheme, host, port);
        return origin == null ? "" : origin;
    }

    /**
     * @param request the request
     * @param origin an {@code Origin} header
     * @return whether it is, in scheme, host and port, the origin the client addressed
     */
    public boolean isOwnOrigin(@NonNull HttpRequest<?> request, @NonNull String origin) {
        String canonical = Origins.canonical(origin);
        return canonical != null && canonical.equals(origin(request));
    }

    /**
     * @param request the request
     * @return whether it came through a proxy in {@code session.trusted-proxies}
     */
    public boolean viaTrustedProxy(@NonNull HttpRequest<?> request) {
        return proxies.trusts(request.getRemoteAddress().getAddress());
    }
}
