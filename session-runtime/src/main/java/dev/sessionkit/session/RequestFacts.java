package dev.sessionkit.session;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.config.TrustedProxies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import java.net.InetAddress;
import java.util.List;

/**
 * What a session needs from the request it belongs to, taken when the session is made so that the
 * session keeps no reference to the request: the peer, the headers, the route and the method. The
 * client's address, User-Agent and cookies are derived from them on first use only, as most
 * requests need none of them.
 */
final class RequestFacts {

    private final @Nullable TrustedProxies proxies;
    private final @Nullable InetAddress remote;
    private final @Nullable HttpHeaders headers;
    private final @Nullable RouteInfo<?> route;
    private final String cookieName;
    private final String method;
    private final String path;
    private final boolean safeOnly;

    private RequestFacts(
            @Nullable TrustedProxies proxies,
            @Nullable InetAddress remote,
            @Nullable HttpHeaders headers,
            @Nullable RouteInfo<?> route,
            String cookieName,
            String method,
            String path,
            boolean safeOnly) {
        this.proxies = proxies;
        this.remote = remote;
        this.headers = headers;
        this.route = route;
        this.cookieName = cookieName;
        this.method = method;
        this.path = path;
        this.safeOnly = safeOnly;
    }

    /**
     * Facts for work outside any request ({@link ServerSessions}, unit tests): no client, no
     * cookies, and creation allowed.
     *
     * @param settings the settings, for the cookie name
     * @return the facts
     */
    static RequestFacts none(SessionSettings settings) {
        return new RequestFacts(null, null, null, null, settings.cookieName(false), "", "", false);
    }

    /**
     * @param request the request
     * @param settings the settings
     * @return what the request's session needs from it
     */
    static RequestFacts of(HttpRequest<?> request, SessionSettings settings) {
        return new RequestFacts(
                settings.trustedProxies(),
                request.getRemoteAddress().getAddress(),
                request.getHeaders(),
                RouteAttributes.getRouteInfo(request).orElse(null),
                settings.cookieName(request),
                request.getMethodName(),
                request.getPath(),
                SafeMethods.isSafe(request.getMethod()) && !settings.values().createOnSafeMethods());
    }

    /** @return the client's address, through the trusted proxies only; null when unknown */
    @Nullable
    String address() {
        return proxies == null || headers == null ? null : proxies.clientAddress(remote, headers);
    }

    /** @return the client's User-Agent, or null */
    @Nullable
    String userAgent() {
        return headers == null ? null : headers.get(HttpHeaders.USER_AGENT);
    }

    /** @return the session cookie's name on this request; its companions add a suffix */
    String cookieName() {
        return cookieName;
    }

    /** @return the {@code Cookie} headers as the client sent them */
    List<String> cookieHeaders() {
        return headers == null ? List.of() : headers.getAll(HttpHeaders.COOKIE);
    }

    /** @throws SessionCreationRefusedException when this request may not create an anonymous session */
    void checkMayCreate() {
        if (safeOnly && !SessionCreationRefusedException.createsSession(route)) {
            throw new SessionCreationRefusedException(method, path);
        }
    }
}
