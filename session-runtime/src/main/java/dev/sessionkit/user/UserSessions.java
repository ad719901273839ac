package dev.sessionkit.user;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.event.SessionEvents;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionDetails;
import dev.sessionkit.session.SessionRequiredException;
import dev.sessionkit.session.StoreDeadline;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionSummary;
import dev.sessionkit.token.TokenCodec;
import io.micronaut.core.annotation.NonNull;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The signed-in user's sessions across devices: list them, revoke one, all others, or all. Every
 * call is scoped to the user of the session given, so nobody can see or end another's sessions,
 * and bounded by {@code session.store-timeout}: a store that is down or slow is a 503.
 */
@Singleton
public final class UserSessions {

    private final KvAdaptor kv;
    private final String namespace;
    private final SessionEvents events;
    private final StoreDeadline deadline;

    UserSessions(SessionSettings settings, SessionEvents events) {
        this.kv = settings.kvAdaptor();
        this.namespace = settings.values().namespace();
        this.events = events;
        this.deadline = new StoreDeadline(settings.values().storeTimeout());
    }

    /**
     * @param current the request's session
     * @return the user's live sessions, most recently active first, the current one marked
     */
    public @NonNull CompletionStage<List<SessionDetails>> list(@NonNull Session current) {
        String userId = userOf(current);
        String currentKey = namespace + current.id();
        return deadline.call("list", kv.listByUser(namespace, userId)).thenApply(sessions -> {
            List<SessionDetails> infos = new ArrayList<>(sessions.size());
            for (SessionSummary s : sessions) {
                infos.add(SessionDetails.of(s, namespace, userId, s.key().equals(currentKey)));
            }
            return infos;
        });
    }

    /**
     * Ends one of the user's sessions; ending the current one signs this request out.
     *
     * @param current the request's session
     * @param id the public id of the session to end
     * @return true when it was the user's and is now gone; false for anything else, including an
     *     id that is not a public id at all, which never reaches the store
     */
    public @NonNull CompletionStage<Boolean> revoke(@NonNull Session current, @NonNull String id) {
        String userId = userOf(current);
        if (!TokenCodec.isPublicId(id)) {
            return CompletableFuture.completedFuture(Boolean.FALSE);
        }
        if (id.equals(current.id())) {
            current.destroy();
            events.revoked(userId, List.of(id), "one");
            return CompletableFuture.completedFuture(Boolean.TRUE);
        }
        return deadline.call("revoke", kv.deleteForUser(userId, namespace + id)).thenApply(deleted -> {
            events.revoked(userId, deleted ? List.of(id) : List.of(), "one");
            return deleted;
        });
    }

    /**
     * @param current the request's session, which stays
     * @return how many other sessions were ended
     */
    public @NonNull CompletionStage<Integer> revokeOthers(@NonNull Session current) {
        String userId = userOf(current);
        return deadline.call("revoke", kv.deleteByUser(namespace, userId, namespace + current.id()))
                .thenApply(keys -> {
                    events.revoked(userId, TokenCodec.idsOfKeys(keys), "others");
                    return keys.size();
                });
    }

    /**
     * Ends every session of the user, this one included.
     *
     * @param current the request's session
     * @return how many sessions were ended
     */
    public @NonNull CompletionStage<Integer> revokeAll(@NonNull Session current) {
        String userId = userOf(current);
        return deadline.call("revoke", kv.deleteByUser(namespace, userId, null)).thenApply(keys -> {
            current.destroy();
            events.revoked(userId, TokenCodec.idsOfKeys(keys), "all");
            return keys.size();
        });
    }

    private static String userOf(Session current) {
        String userId = current.exists() ? current.userId() : null;
        if (userId == null) {
            throw new SessionRequiredException();
        }
        return userId;
    }
}
