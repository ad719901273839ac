package dev.sessionkit.session;

import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionStoreException;

/** What a request found when its session was looked up: nothing, a stored session, or a failing store. */
sealed interface SessionOrigin {

    /**
     * No session: no token, a token that did not verify, or one whose session is gone.
     *
     * @param staleCookie whether the request's cookie named a session that is gone (it is cleared)
     */
    record Absent(boolean staleCookie) implements SessionOrigin {}

    /**
     * A stored session.
     *
     * @param token its token
     * @param id its public id
     * @param key its store key
     * @param record what the store held
     * @param resign whether the token was signed with an older secret (it is re-signed)
     */
    record Loaded(String token, String id, String key, SessionRecord record, boolean resign) implements SessionOrigin {}

    /**
     * The store failed or timed out; every use of the session answers with the error.
     *
     * @param error what failed
     */
    record Unavailable(SessionStoreException error) implements SessionOrigin {}
}
