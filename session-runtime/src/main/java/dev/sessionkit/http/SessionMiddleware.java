package dev.sessionkit.http;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.config.SessionTransport;
import dev.sessionkit.error.ErrorAnswers;
import dev.sessionkit.error.SessionKitException;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionManager;
import dev.sessionkit.store.SessionStoreException;
import dev.sessionkit.token.CookieReader;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Loads the session before the controller runs and commits it after. A request without a token
 * costs a header look-up or two and no store I/O; its session is created only if the controller
 * writes to it. The token comes from the cookie or {@code Authorization: Bearer}, as {@code
 * session.transports} or the route's {@link SessionTransports} allow. A store that fails or is
 * slow answers 503 only to routes that use the session.
 */
@Singleton
@Named("session")
public final class SessionMiddleware implements Middleware {

    // Looked up by name: the Class overloads reflect on the annotation type on every request.
    private static final String TRANSPORTS = SessionTransports.class.getName();

    private final SessionManager manager;
    private final SessionSettings settings;
    private final SessionCookieWriter cookies;
    private final ErrorAnswers errors;

    SessionMiddleware(
            SessionManager manager, SessionSettings settings, SessionCookieWriter cookies, ErrorAnswers errors) {
        this.errors = errors;
        this.manager = manager;
        this.settings = settings;
        this.cookies = cookies;
    }

    @Override
    public @Nullable CompletionStage<?> onRequest(HttpRequest<?> request, AnnotationMetadata route) {
        if (settings.excludedPaths().matches(request.getPath())) {
            return null;
        }
        HttpHeaders headers = request.getHeaders();
        boolean hasCookie = headers.get(HttpHeaders.COOKIE) != null;
        String bearer = BearerToken.from(headers);
        if (!hasCookie && bearer == null) {
            return null; // the common anonymous request: no route annotations read
        }
        Set<SessionTransport> allowed = allowed(route);
        if (hasCookie && allowed.contains(SessionTransport.COOKIE)) {
            String value = CookieReader.find(headers.getAll(HttpHeaders.COOKIE), settings.cookieName(request));
            if (value != null) {
                return manager.load(request, value, SessionTransport.COOKIE);
            }
        }
        if (bearer != null && allowed.contains(SessionTransport.BEARER)) {
            return manager.load(request, bearer, SessionTransport.BEARER);
        }
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Object attached = request.getAttribute(SessionManager.ATTRIBUTE).orElse(null);
        if (!(attached instanceof Session session)) {
            return null;
        }
        return manager.commit(session).handle((change, error) -> {
            if (error != null) {
                Throwable cause = SessionStoreException.causeOf(error);
                errors.answer(
                        request,
                        response,
                        cause instanceof SessionKitException known
                                ? known
                                : new SessionStoreException("Session commit failed", cause));
            } else if (change != null && session.transport() == SessionTransport.COOKIE) {
                cookies.apply(request, response, change);
            }
            if (manager.isLive(session)) {
                response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            Map<String, String> companions = manager.outgoingCookies(session);
            if (companions != null) {
                companions.forEach((suffix, value) -> cookies.applyCompanion(request, response, suffix, value));
            }
            return null;
        });
    }

    private Set<SessionTransport> allowed(AnnotationMetadata route) {
        if (!route.hasAnnotation(TRANSPORTS)) {
            return settings.transports();
        }
        SessionTransport[] chosen = route.enumValues(TRANSPORTS, SessionTransport.class);
        return chosen.length == 0 ? settings.transports() : EnumSet.copyOf(Set.of(chosen));
    }
}
