package dev.sessionkit.session;

/**
 * Where a request's session stands against the store, which decides what its commit writes. A
 * request begins at {@link #NONE} (no valid cookie) or {@link #LOADED}.
 */
enum Lifecycle {
    /** No session, and none to remove. */
    NONE,
    /** The session the request loaded, under its own token. */
    LOADED,
    /** A session started by this request; nothing in the store yet. */
    CREATED,
    /** The loaded session under a new token, to be moved to its new key. */
    REGENERATED,
    /** The loaded session ended; its key is to be deleted. */
    DESTROYED,
    /** The loaded session ended and a new one started: delete, then create. */
    REPLACED;

    /** @return the state after a new session starts; only without a live session */
    Lifecycle started() {
        return this == DESTROYED ? REPLACED : CREATED;
    }

    /** @return the state after the token is renewed: only a loaded session moves */
    Lifecycle regenerated() {
        return this == LOADED ? REGENERATED : this;
    }

    /** @return the state after the session ends: the loaded key, if any, is to be deleted */
    Lifecycle destroyed() {
        return switch (this) {
            case NONE, CREATED -> NONE;
            case LOADED, REGENERATED, DESTROYED, REPLACED -> DESTROYED;
        };
    }

    /** @return whether the session was started by this request */
    boolean isNew() {
        return this == CREATED || this == REPLACED;
    }
}
