package dev.sessionkit.http;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionManager;
import dev.sessionkit.token.CookieReader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Loads the session before the controller runs and commits it after. A request without the
 * session cookie costs one header look-up and no store I/O; its session is created only if the
 * controller writes to it. A store that fails or is slow answers 503 only to routes that use the
 * session.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class SessionMiddleware implements Ordered {

    private final SessionManager manager;
    private final SessionSettings settings;
    private final SessionCookieWriter cookies;

    SessionMiddleware(SessionManager manager, SessionSettings settings, SessionCookieWriter cookies) {
        this.manager = manager;
        this.settings = settings;
        this.cookies = cookies;
    }

    /**
     * Attaches the session named by the request's cookie.
     *
     * @param request the request
     * @return null when there is nothing to load, else the same request once its session is
     *     attached. Not a null response: Micronaut 4.10 turns a filter future that completes
     *     asynchronously with null into an empty 503.
     */
    @RequestFilter
    @Nullable
    public CompletionStage<@Nullable HttpRequest<?>> load(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        if (headers.get(HttpHeaders.COOKIE) == null || settings.excludedPaths().matches(request.getPath())) {
            return null;
        }
        List<String> cookieHeaders = headers.getAll(HttpHeaders.COOKIE);
        String value = CookieReader.find(cookieHeaders, settings.cookieName());
        if (value == null) {
            return null;
        }
        return manager.load(request, value).thenApply(session -> request);
    }

    /**
     * Commits the request's session and sets or clears the cookie as needed.
     *
     * @param request the request
     * @param response the response on its way out
     * @return null when nothing changed, else the response once the store has the changes
     */
    @ResponseFilter
    @Nullable
    public CompletionStage<@Nullable MutableHttpResponse<?>> commit(
            HttpRequest<?> request, MutableHttpResponse<?> response) {
        Object attached = request.getAttribute(SessionManager.ATTRIBUTE).orElse(null);
        if (!(attached instanceof Session session)) {
            return null;
        }
        return manager.commit(session).handle((change, error) -> {
            if (error != null) {
                return SessionErrors.unavailable(error);
            }
            if (change != null) {
                cookies.apply(request, response, change);
            }
            return response;
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SESSION.order();
    }
}
