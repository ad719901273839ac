package dev.sessionkit.session;

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
 */
record PendingCommit(
        CommitPlan plan,
        @Nullable String loadedKey,
        @Nullable String loadedId,
        @Nullable String id,
        @Nullable String token,
        @Nullable SessionMeta meta,
        FieldBuffer fields,
        Set<String> guarded) {}
