package dev.sessionkit.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.util.Map;

/**
 * A request's companion cookies (read and written beside the session cookie) and the flash
 * messages of visitors without a session that travel in one; both made on first use only.
 */
final class Companions {

    private final @Nullable HttpRequest<?> request;
    private final SessionManager manager;
    private @Nullable ClientCookies cookies;
    private @Nullable CookieFlash flash;

    Companions(@Nullable HttpRequest<?> request, SessionManager manager) {
        this.request = request;
        this.manager = manager;
    }

    ClientCookies cookies() {
        if (cookies == null) {
            cookies = new ClientCookies(request, manager.settings().cookieName());
        }
        return cookies;
    }

    CookieFlash flash() {
        if (flash == null) {
            flash = new CookieFlash(cookies(), manager.codec(), manager.json());
        }
        return flash;
    }

    /** @return the cookies to send (suffix to value, null clears), or null for none */
    @Nullable
    Map<String, String> outgoing() {
        return cookies == null ? null : cookies.outgoing();
    }
}
