package dev.sessionkit.http;

import dev.sessionkit.session.Session;
import dev.sessionkit.token.TokenCodec;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Synchronizer tokens for HTML forms: put {@link #token} in a hidden {@code _csrf} field and check
 * it with {@link #verify} when the form comes back. The token is an HMAC of the session's handle,
 * so it needs no storage and dies with the session (and with regeneration at sign-in).
 */
@Singleton
public final class CsrfTokens {

    private static final String PURPOSE = "csrf";

    private final TokenCodec codec;

    CsrfTokens(TokenCodec codec) {
        this.codec = codec;
    }

    /**
     * The form token of the session, creating the session if there is none yet (a sign-in form
     * needs one too).
     *
     * @param session the request's session
     * @return the token
     */
    public @NonNull String token(@NonNull Session session) {
        if (!session.exists()) {
            session.putJson(Session.INTERNAL_PREFIX + "csrf", "1");
        }
        return codec.mac(PURPOSE, session.handle());
    }

    /**
     * @param session the request's session
     * @param token what the form sent
     * @return whether it is this session's token
     */
    public boolean verify(@NonNull Session session, @Nullable String token) {
        return token != null && session.exists() && codec.verifyMac(PURPOSE, session.handle(), token);
    }
}
