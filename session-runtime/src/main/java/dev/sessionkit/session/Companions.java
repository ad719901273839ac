package dev.sessionkit.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import java.util.Map;
import java.util.Optional;

/**
 * A request's companion cookies (read and written beside the session cookie) and the flash
 * messages of visitors without a session that travel in one; both made on first use only.
 */
final class Companions {

    private final RequestFacts request;
    private final SessionTools tools;
    private @Nullable ClientCookies cookies;
    private @Nullable CookieFlash flash;

    Companions(RequestFacts request, SessionTools tools) {
        this.request = request;
        this.tools = tools;
    }

    ClientCookies cookies() {
        if (cookies == null) {
            cookies = new ClientCookies(request.cookieHeaders(), request.cookieName());
        }
        return cookies;
    }

    /** Keeps a visitor's flash value in the signed flash cookie; null removes it. */
    @SuppressWarnings("unchecked") // the value's own class describes it
    void putFlash(String key, @Nullable Object value) {
        String json = value == null
                ? null
                : tools.fieldJson().write(Flash.field(key), (Argument<Object>) Argument.of(value.getClass()), value);
        flash().put(key, json);
    }

    /** @return a visitor's flash value, removed from the flash cookie, or empty */
    <T> Optional<T> takeFlash(String key, Class<T> type) {
        String json = flash().take(key);
        return json == null
                ? Optional.empty()
                : Optional.ofNullable(tools.fieldJson().read(Flash.field(key), json, Argument.of(type)));
    }

    /** Keeps where to return after signing in, in its signed cookie. */
    void returnTo(String path) {
        String sealed = ReturnAddress.seal(tools.codec(), ReturnAddress.checked(path), tools.now());
        cookies().write(ReturnAddress.SUFFIX, sealed);
    }

    /** @return where to return after signing in, once; the cookie is cleared */
    Optional<String> takeReturnTo() {
        String sealed = cookies().read(ReturnAddress.SUFFIX);
        if (sealed == null) {
            return Optional.empty();
        }
        cookies().write(ReturnAddress.SUFFIX, null);
        return ReturnAddress.open(tools.codec(), sealed, tools.now());
    }

    private CookieFlash flash() {
        if (flash == null) {
            flash = new CookieFlash(cookies(), tools.codec(), tools.json());
        }
        return flash;
    }

    /** @return the cookies to send (suffix to value, null clears), or null for none */
    @Nullable
    Map<String, String> outgoing() {
        return cookies == null ? null : cookies.outgoing();
    }
}
