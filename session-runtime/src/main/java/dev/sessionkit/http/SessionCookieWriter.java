package dev.sessionkit.http;

import dev.sessionkit.config.CookieOptions;
import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.config.TrustedProxies;
import dev.sessionkit.session.CookieChange;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/**
 * Writes the session's {@code Set-Cookie} header. Unless configured, Secure follows the client's
 * connection: HTTPS directly, or {@code X-Forwarded-Proto: https} from a trusted proxy; where it is
 * Secure at Path=/ without a Domain, its name takes the {@code __Host-} prefix. Setting and clearing carry the same attributes,
 * so the browser replaces or removes exactly the cookie it holds; both also mark the response
 * {@code Cache-Control: no-store}, since a cached copy would hand the cookie to someone else.
 */
@Internal
@Singleton
final class SessionCookieWriter {

    private final SessionSettings settings;
    private final String attributes;
    private final CookieOptions options;
    private final TrustedProxies proxies;

    SessionCookieWriter(SessionSettings settings) {
        this.settings = settings;
        this.options = settings.cookie();
        this.attributes = attributes(options);
        this.proxies = settings.trustedProxies();
    }

    void apply(HttpRequest<?> request, MutableHttpResponse<?> response, CookieChange change) {
        long maxAge = change.value() == null ? 0 : change.maxAgeSeconds();
        boolean secure = secure(request);
        write(response, settings.cookieName(secure), change.value(), maxAge, secure);
    }

    /**
     * Sets or clears a companion cookie ({@code <name><suffix>}) for the browser's session only,
     * with the session cookie's attributes.
     */
    void applyCompanion(
            HttpRequest<?> request, MutableHttpResponse<?> response, String suffix, @Nullable String value) {
        boolean secure = secure(request);
        write(response, settings.cookieName(secure) + suffix, value, value == null ? 0 : -1, secure);
    }

    /** Secure as configured, else when the client's connection is HTTPS (directly or at a trusted proxy). */
    private boolean secure(HttpRequest<?> request) {
        return options.secure() != null ? options.secure() : proxies.isSecure(request);
    }

    /** @param maxAge seconds, 0 to clear, negative for a cookie that ends with the browser session */
    private void write(
            MutableHttpResponse<?> response, String cookie, @Nullable String value, long maxAge, boolean secure) {
        StringBuilder header = new StringBuilder(160).append(cookie).append('=');
        if (value != null) {
            header.append(value);
        }
        if (maxAge >= 0) {
            header.append("; Max-Age=").append(maxAge);
        }
        header.append(attributes);
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
