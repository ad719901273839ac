package dev.sessionkit.session;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.token.TokenCodec;
import io.micronaut.json.JsonMapper;
import java.time.Clock;

/**
 * What every session of the application is made with, gathered once by {@link SessionManager}
 * and handed to each {@link RequestSession}, so that a session never calls back into its manager.
 *
 * @param settings the validated settings
 * @param codec signs and verifies tokens and sealed cookies
 * @param json the application's JSON mapper, for the flash cookie
 * @param fieldJson encodes and decodes the session's fields
 * @param undecodable what a field that no longer decodes does to the request
 * @param clock the clock sessions expire by
 */
record SessionTools(
        SessionSettings settings,
        TokenCodec codec,
        JsonMapper json,
        FieldJson fieldJson,
        UndecodableFields undecodable,
        Clock clock) {

    /** @return the time now, by the clock sessions expire by */
    long now() {
        return clock.millis();
    }

    /** @return the metadata of a session born now */
    SessionMeta freshMeta() {
        return freshMeta(settings, clock);
    }

    /**
     * @param settings the lifetimes
     * @param clock the clock sessions expire by
     * @return the metadata of a session born now, for callers outside a request as well
     */
    static SessionMeta freshMeta(SessionSettings settings, Clock clock) {
        return SessionMeta.fresh(
                clock.millis(),
                settings.values().ttl().toMillis(),
                settings.values().absoluteTtl().toMillis());
    }
}
