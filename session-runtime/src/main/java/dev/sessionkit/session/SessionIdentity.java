package dev.sessionkit.session;

import dev.sessionkit.token.TokenCodec;
import io.micronaut.core.annotation.Nullable;

/**
 * Who a request's session is: its secret token, the public id derived from it, and where it
 * stands against the store. Every start and regeneration draws a new token, so an id a client
 * planted never survives a sign-in (no fixation).
 */
final class SessionIdentity {

    private final TokenCodec codec;
    private Lifecycle state;
    private @Nullable String token;
    private @Nullable String id;
    private boolean saved;

    /**
     * @param codec draws tokens and derives ids
     * @param loaded the session the request loaded, or null when it brought none
     */
    SessionIdentity(TokenCodec codec, SessionOrigin.@Nullable Loaded loaded) {
        this.codec = codec;
        this.state = loaded == null ? Lifecycle.NONE : Lifecycle.LOADED;
        this.token = loaded == null ? null : loaded.token();
        this.id = loaded == null ? null : loaded.id();
    }

    /** A new session under a fresh token. */
    void start() {
        state = state.started();
        renew();
    }

    /** The loaded session under a fresh token; a session this request started already has one. */
    void regenerate() {
        if (state == Lifecycle.LOADED) {
            state = state.regenerated();
            renew();
        }
    }

    /** No session: the loaded one, if any, is to be deleted. */
    void destroy() {
        state = state.destroyed();
        token = null;
        id = null;
    }

    /** The commit is done: a change from now on would be lost, so it is refused. */
    void saved() {
        saved = true;
    }

    void checkOpen() {
        if (saved) {
            throw new SessionCommittedException();
        }
    }

    Lifecycle state() {
        return state;
    }

    @Nullable
    String token() {
        return token;
    }

    @Nullable
    String id() {
        return id;
    }

    private void renew() {
        token = codec.newToken();
        id = codec.publicId(token);
    }
}
