package dev.sessionkit.http;

import dev.sessionkit.session.SealedValues;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionManager;
import dev.sessionkit.token.TokenCodec;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

/**
 * Synchronizer tokens for HTML forms: put {@link #token} in a hidden {@code _csrf} field and check
 * it with {@link #verify} when the form comes back. With a session, the token is an HMAC of its
 * public id, so it needs no storage and dies with the session (and with regeneration at sign-in).
 * Without one, as on a sign-in page, it is an HMAC of a random nonce held in a signed companion
 * cookie ({@code <cookie>_csrf}, double submit): rendering a form never creates a session. That
 * token also needs the browser to say the form came from this origin ({@code Origin} or {@code
 * Sec-Fetch-Site: same-origin}), which every current browser does on a form post.
 */
@Singleton
public final class CsrfTokens {

    private static final String PURPOSE = "csrf";
    private static final String ANONYMOUS_FORM = "csrf-anonymous";
    private static final String COOKIE_SEAL = "csrf-cookie";
    private static final String SUFFIX = "_csrf";

    private final TokenCodec codec;
    private final SessionManager manager;
    private final ClientView client;

    CsrfTokens(TokenCodec codec, SessionManager manager, ClientView client) {
        this.codec = codec;
        this.manager = manager;
        this.client = client;
    }

    /**
     * The form token of the request: bound to the session, or without one to a nonce cookie.
     *
     * @param session the request's session
     * @return the token
     */
    public @NonNull String token(@NonNull Session session) {
        if (session.exists()) {
            return codec.mac(PURPOSE, session.id());
        }
        String nonce = nonce(session);
        if (nonce == null) {
            nonce = codec.newToken();
            manager.setClientCookie(session, SUFFIX, SealedValues.seal(codec, COOKIE_SEAL, nonce));
        }
        return codec.mac(ANONYMOUS_FORM, nonce);
    }

    /**
     * Checks a form token. While nobody is signed in, the browser's nonce token counts too, so a
     * form rendered before a guest session began still works; once a user is signed in only the
     * session's own token counts, so a cookie planted by a sibling domain cannot forge their writes.
     *
     * @param session the request's session
     * @param token what the form sent
     * @return whether it is this session's (or this anonymous browser's) token
     */
    public boolean verify(@NonNull Session session, @Nullable String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        if (session.exists() && codec.verifyMac(PURPOSE, session.id(), token)) {
            return true;
        }
        if (session.exists() && session.userId() != null) {
            return false;
        }
        String nonce = nonce(session);
        return nonce != null && codec.verifyMac(ANONYMOUS_FORM, nonce, token) && fromThisOrigin();
    }

    /**
     * A cookie the browser holds can have been planted (by a sibling domain, or a plain-HTTP page
     * on the way), so the nonce token alone would let another site sign a visitor in as someone
     * else (login CSRF). It counts only with the browser's word that the form is this site's own:
     * an {@code Origin} equal to the request's, or {@code Sec-Fetch-Site: same-origin}.
     */
    private boolean fromThisOrigin() {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        if (request == null) {
            return false;
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin != null) {
            return client.isOwnOrigin(request, origin);
        }
        return "same-origin".equals(request.getHeaders().get("Sec-Fetch-Site"));
    }

    private @Nullable String nonce(Session session) {
        return SealedValues.open(codec, COOKIE_SEAL, manager.clientCookie(session, SUFFIX));
    }
}
