package dev.sessionkit.test;

import dev.sessionkit.token.CookieReader;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Sends the test's session (see {@link SessionTestKit}) with every request a Micronaut HTTP client
 * makes to a loopback address, unless the request carries a session cookie of its own, and
 * follows the session cookie the answer sets. Without a test session it does nothing.
 */
@ClientFilter(ClientFilter.MATCH_ALL_PATTERN)
final class SessionCookieFilter {

    private final SessionTestKit kit;

    SessionCookieFilter(SessionTestKit kit) {
        this.kit = kit;
    }

    @RequestFilter
    void attach(MutableHttpRequest<?> request) {
        String token = kit.token();
        if (token == null || !isLoopback(request.getUri())) {
            return;
        }
        List<String> sent = request.getHeaders().getAll(HttpHeaders.COOKIE);
        if (CookieReader.find(sent, kit.cookieName()) == null) {
            String own = kit.cookieName() + "=" + token;
            request.getHeaders().set(HttpHeaders.COOKIE, sent.isEmpty() ? own : String.join("; ", sent) + "; " + own);
        }
    }

    @ResponseFilter
    void follow(HttpResponse<?> response) {
        if (kit.token() != null) {
            response.getCookie(kit.cookieName()).ifPresent(cookie -> kit.followed(cookie.getValue()));
        }
    }

    /** Only {@code localhost} and loopback IP literals: a name is never looked up. */
    static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null || host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
