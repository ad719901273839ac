package dev.sessionkit.http;

import dev.sessionkit.session.SafeMethods;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionManager;
import dev.sessionkit.session.SessionTransport;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Refuses cross-site writes to cookie sessions (403): an unsafe method must come with an {@code
 * Origin} that is the request's own host or in {@code session.csrf.trusted-origins}; without an
 * Origin, {@code Sec-Fetch-Site: cross-site} is refused too. Requests authenticated by a bearer
 * token are exempt, since a browser never attaches one on its own. Register it after {@code
 * session}. For HTML forms, {@link CsrfTokens} adds a synchronizer token.
 */
@Singleton
@Named("csrf")
public final class CsrfMiddleware implements Middleware {

    private final SessionManager manager;
    private final Set<String> trustedOrigins;

    CsrfMiddleware(SessionManager manager, CsrfProperties properties) {
        this.manager = manager;
        this.trustedOrigins = Set.copyOf(properties.trustedOrigins());
    }

    @Override
    public @Nullable CompletionStage<?> onRequest(HttpRequest<?> request, AnnotationMetadata route) {
        if (SafeMethods.isSafe(request.getMethod()) || isBearer(request)) {
            return null;
        }
        HttpHeaders headers = request.getHeaders();
        String origin = headers.get(HttpHeaders.ORIGIN);
        if (origin != null) {
            if (!trustedOrigins.contains(origin) && !sameHost(origin, headers.get(HttpHeaders.HOST))) {
                throw new CsrfException("Cross-origin request refused");
            }
        } else if ("cross-site".equals(headers.get("Sec-Fetch-Site"))) {
            throw new CsrfException("Cross-site request refused");
        }
        return null;
    }

    private boolean isBearer(HttpRequest<?> request) {
        Session session = manager.peek(request);
        if (session != null) {
            return session.transport() == SessionTransport.BEARER;
        }
        return BearerToken.from(request.getHeaders()) != null;
    }

    /** Same host and port as the Host header the request was sent to. */
    private static boolean sameHost(String origin, @Nullable String host) {
        if (host == null || "null".equals(origin)) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
