package dev.sessionkit.session;

/**
 * What a request's commit does, decided from the session's state alone, before any store call:
 * a value, so that every decision can be tested without a store.
 */
sealed interface CommitPlan {

    /** Nothing to write, no cookie to change. */
    record Nothing() implements CommitPlan {}

    /** The cookie names no session: clear it. */
    record ClearCookie() implements CommitPlan {}

    /** Re-sign the unchanged token (it was signed with an older secret); no store call. */
    record Resign() implements CommitPlan {}

    /** Delete the loaded session and clear the cookie. */
    record Delete() implements CommitPlan {}

    /**
     * Write a new session, then set the cookie.
     *
     * @param deleteLoadedFirst whether the loaded session is deleted first (it ended this request)
     */
    record Create(boolean deleteLoadedFirst) implements CommitPlan {}

    /** Move the loaded session to its new token's key, then set the cookie. */
    record Move() implements CommitPlan {}

    /**
     * Write the changed fields and the new idle expiry, only if the session still exists.
     *
     * @param refreshCookie whether the cookie is sent again (re-signed, or a new Max-Age)
     */
    record Update(boolean refreshCookie) implements CommitPlan {}

    /**
     * The inputs of a decision.
     *
     * @param state where the session stands
     * @param changed whether fields or sign-in metadata changed
     * @param resign whether the token was signed with an older secret
     * @param staleCookie whether the request's cookie named a session that is gone
     * @param touchDue whether the idle expiry is due to be extended (the touch interval passed)
     * @param persistentCookie whether the cookie carries a Max-Age that a touch must renew
     */
    record Inputs(
            Lifecycle state,
            boolean changed,
            boolean resign,
            boolean staleCookie,
            boolean touchDue,
            boolean persistentCookie) {}

    /**
     * @param in the session's state
     * @return what its commit does
     */
    static CommitPlan decide(Inputs in) {
        return switch (in.state()) {
            case NONE -> in.staleCookie() ? new ClearCookie() : new Nothing();
            case DESTROYED -> new Delete();
            case CREATED -> new Create(false);
            case REPLACED -> new Create(true);
            case REGENERATED -> new Move();
            case LOADED -> {
                if (in.touchDue() || in.changed()) {
                    yield new Update(in.resign() || (in.touchDue() && in.persistentCookie()));
                }
                yield in.resign() ? new Resign() : new Nothing();
            }
        };
    }
}
