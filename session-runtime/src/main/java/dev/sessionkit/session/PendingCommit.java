package dev.sessionkit.session;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.store.SessionMeta;
import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/**
 * A request's session as its commit sees it: the plan, and the keys, token and data it acts on.
 *
 * @param plan what the commit does
 * @param loadedKey the store key the session was loaded from, or null
 * @param loadedId the id it was loaded under, or null
 * @param id the id it has now, or null when there is no session
 * @param token the token it has now, or null
 * @param meta its metadata now, or null
 * @param fields its fields, loaded and changed
 * @param guarded the fields an update changed: stored only if they still hold what was loaded
 * @param lifetime the lifetime chosen at sign-in, kept with the session
 */
record PendingCommit(
        CommitPlan plan,
        @Nullable String loadedKey,
        @Nullable String loadedId,
        @Nullable String id,
        @Nullable String token,
        @Nullable SessionMeta meta,
        FieldBuffer fields,
        Set<String> guarded,
        SignInLifetime lifetime) {

    /**
     * Decides the plan from the session's state alone.
     *
     * @param origin how the request found its session
     * @param changed whether fields or sign-in metadata changed
     * @param touchDue whether the idle expiry is due to be extended
     * @param settings the configuration
     * @param identity the session's token and id now
     * @param meta its metadata now, or null
     * @param fields its fields, loaded and changed
     * @param guarded the fields an update changed
     * @return the commit to make
     */
    static PendingCommit of(
            SessionOrigin origin,
            boolean changed,
            boolean touchDue,
            SessionSettings settings,
            SessionIdentity identity,
            @Nullable SessionMeta meta,
            FieldBuffer fields,
            Set<String> guarded) {
        SessionOrigin.Loaded loaded = origin instanceof SessionOrigin.Loaded l ? l : null;
        SignInLifetime lifetime = SignInLifetime.of(fields.get(SignInLifetime.FIELD));
        CommitPlan plan = CommitPlan.decide(new CommitPlan.Inputs(
                identity.state(),
                changed,
                loaded != null && loaded.resign(),
                origin instanceof SessionOrigin.Absent absent && absent.staleCookie(),
                touchDue,
                lifetime.persistentCookie(settings.cookie().persistent())));
        String id = identity.id();
        String token = identity.token();
        return loaded == null
                ? new PendingCommit(plan, null, null, id, token, meta, fields, guarded, lifetime)
                : new PendingCommit(plan, loaded.key(), loaded.id(), id, token, meta, fields, guarded, lifetime);
    }
}
