package dev.sessionkit.session;

import dev.sessionkit.config.SessionSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.List;

/**
 * What a session needs from the request it belongs to, read once when the session is made so that
 * the session keeps no reference to the request.
 *
 * @param address the client's address, through the trusted proxies only, or null when unknown
 * @param userAgent the client's User-Agent, or null
 * @param cookieName the session cookie's name on this request; its companions add a suffix
 * @param cookieHeaders the {@code Cookie} headers as the client sent them
 * @param method the request's method, for messages
 * @param path the request's path, for messages
 * @param mayCreate whether the request may create an anonymous session (see {@link
 *     SessionCreationRefusedException})
 */
record RequestFacts(
        @Nullable String address,
        @Nullable String userAgent,
        String cookieName,
        List<String> cookieHeaders,
        String method,
        String path,
        boolean mayCreate) {

    /**
     * Facts for work outside any request ({@link ServerSessions}): no client, no cookies, and
     * creation allowed.
     *
     * @param settings the settings, for the cookie name
     * @return the facts
     */
    static RequestFacts none(SessionSettings settings) {
        return new RequestFacts(null, null, settings.cookieName(false), List.of(), "", "", true);
    }

    /**
     * @param request the request
     * @param settings the settings
     * @return what the request's session needs from it
     */
    static RequestFacts of(HttpRequest<?> request, SessionSettings settings) {
        HttpHeaders headers = request.getHeaders();
        return new RequestFacts(
                settings.trustedProxies().clientAddress(request),
                headers.get(HttpHeaders.USER_AGENT),
                settings.cookieName(request),
                headers.getAll(HttpHeaders.COOKIE),
                request.getMethodName(),
                request.getPath(),
                SessionCreationRefusedException.mayCreate(
                        request, settings.values().createOnSafeMethods()));
    }

    /** @throws SessionCreationRefusedException when this request may not create an anonymous session */
    void checkMayCreate() {
        if (!mayCreate) {
            throw new SessionCreationRefusedException(method, path);
        }
    }
}
