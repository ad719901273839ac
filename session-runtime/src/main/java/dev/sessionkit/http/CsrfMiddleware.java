package dev.sessionkit.http;

import dev.sessionkit.config.SessionTransport;
import dev.sessionkit.error.SessionSetupException;
import dev.sessionkit.session.SafeMethods;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionManager;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Refuses cross-site use of cookie sessions (403): an unsafe method, or a WebSocket handshake that
 * carries cookies, must come with an {@code Origin} that is the request's own (scheme, host and
 * port, as {@link ClientView#origin} sees them through trusted proxies) or in {@code
 * session.csrf.trusted-origins}; without an Origin, {@code Sec-Fetch-Site: cross-site} is refused
 * too. Requests authenticated by a bearer token alone are exempt, since a browser never attaches
 * one on its own. It runs after {@code session}. For HTML forms, {@link CsrfTokens} adds a
 * synchronizer token.
 */
@Singleton
@Named("csrf")
public final class CsrfMiddleware implements Middleware {

    private final SessionManager manager;
    private final ClientView client;
    private final Set<String> trustedOrigins = new HashSet<>();
    private final CsrfRefusals refusals = new CsrfRefusals();

    CsrfMiddleware(SessionManager manager, ClientView client, CsrfProperties properties) {
        this.manager = manager;
        this.client = client;
        for (String origin : properties.trustedOrigins()) {
            String canonical = Origins.canonical(origin);
            if (canonical == null) {
                throw new SessionSetupException("session.csrf.trusted-origins entry '" + origin
                        + "' is not an origin; write scheme://host[:port], such as https://admin.example.com");
            }
            trustedOrigins.add(canonical);
        }
    }

    /** It asks the session how the request was authenticated. */
    @Override
    public List<String> runsAfter() {
        return List.of("session");
    }

    @Override
    public @Nullable CompletionStage<?> onRequest(HttpRequest<?> request, AnnotationMetadata route) {
        HttpHeaders headers = request.getHeaders();
        if (SafeMethods.isSafe(request.getMethod()) ? !isWebSocketHandshake(request, headers) : isBearer(request)) {
            return null;
        }
        String origin = headers.get(HttpHeaders.ORIGIN);
        if (origin != null) {
            if (!trustedOrigins.contains(Origins.canonical(origin)) && !client.isOwnOrigin(request, origin)) {
                refusals.originRefused(request, origin, client.origin(request), client.viaTrustedProxy(request));
                throw new CsrfException("Cross-origin request refused");
            }
        } else if ("cross-site".equals(headers.get("Sec-Fetch-Site"))) {
            refusals.crossSiteRefused(request);
            throw new CsrfException("Cross-site request refused");
        }
        return null;
    }

    /** A browser's WebSocket handshake: cookies go along with it, so a cross-site page could use them. */
    private static boolean isWebSocketHandshake(HttpRequest<?> request, HttpHeaders headers) {
        if (request.getMethod() != HttpMethod.GET) {
            return false;
        }
        String upgrade = headers.get(HttpHeaders.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket") && headers.contains(HttpHeaders.COOKIE);
    }

    /** A bearer request without cookies: a browser never sends one cross-site on its own. */
    private boolean isBearer(HttpRequest<?> request) {
        Session session = manager.peek(request);
        if (session != null && manager.isLive(session)) {
            return session.transport() == SessionTransport.BEARER;
        }
        return BearerToken.from(request.getHeaders()) != null
                && !request.getHeaders().contains(HttpHeaders.COOKIE);
    }
}
