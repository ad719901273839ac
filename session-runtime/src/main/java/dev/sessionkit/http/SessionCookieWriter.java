package dev.sessionkit.http;

import dev.sessionkit.config.CookieOptions;
import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.config.TrustedProxies;
import dev.sessionkit.session.CookieChange;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/**
 * Writes the session's {@code Set-Cookie} header. Unless configured, Secure follows the client's
 * connection: HTTPS directly, or {@code X-Forwarded-Proto: https} from a trusted proxy. Setting and clearing carry the same attributes,
 * so the browser replaces or removes exactly the cookie it holds; both also mark the response
 * {@code Cache-Control: no-store}, since a cached copy would hand the cookie to someone else.
 */
@Internal
@Singleton
final class SessionCookieWriter {

    private final String name;
    private final String attributes;
    private final CookieOptions options;
    private final TrustedProxies proxies;

    SessionCookieWriter(SessionSettings settings) {
        this.name = settings.cookieName();
        this.options = settings.cookie();
        this.attributes = attributes(options);
        this.proxies = settings.trustedProxies();
    }

    void apply(HttpRequest<?> request, MutableHttpResponse<?> response, CookieChange change) {
        StringBuilder header = new StringBuilder(160).append(name).append('=');
        if (change.value() == null) {
            header.append("; Max-Age=0");
        } else {
            header.append(change.value());
            if (options.persistent()) {
                header.append("; Max-Age=").append(change.maxAgeSeconds());
            }
        }
        header.append(attributes);
        boolean secure = options.secure() != null
                ? options.secure()
                : proxies.isSecure(
                        request.getRemoteAddress().getAddress(),
                        request.isSecure(),
                        request.getHeaders().get("X-Forwarded-Proto"));
        if (secure) {
            header.append("; Secure");
        }
        response.getHeaders().add(HttpHeaders.SET_COOKIE, header.toString());
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static String attributes(CookieOptions options) {
        StringBuilder b = new StringBuilder("; Path=").append(options.path());
        if (options.domain() != null) {
            b.append("; Domain=").append(options.domain());
        }
        if (options.httpOnly()) {
            b.append("; HttpOnly");
        }
        return b.append("; SameSite=").append(options.sameSite().name()).toString();
    }
}
