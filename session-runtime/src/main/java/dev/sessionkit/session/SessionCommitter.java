package dev.sessionkit.session;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.error.SessionKitException;
import dev.sessionkit.event.SessionEvents;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.token.TokenCodec;
import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Carries out a {@link CommitPlan}: the store calls it names, each bounded by the store timeout,
 * the events they cause and the cookie change they lead to.
 */
final class SessionCommitter {

    private static final CompletableFuture<CookieChange> NO_CHANGE = CompletableFuture.completedFuture(null);
    private static final CompletableFuture<CookieChange> CLEAR = CompletableFuture.completedFuture(CookieChange.CLEAR);

    private final SessionSettings settings;
    private final TokenCodec codec;
    private final Clock clock;
    private final SessionEvents events;
    private final KvAdaptor kv;
    private final StoreDeadline deadline;
    private final SessionCap cap;
    private final UpdateConflicts conflicts;
    private final CommitQueue queue = new CommitQueue();

    SessionCommitter(
            SessionSettings settings, TokenCodec codec, Clock clock, SessionEvents events, UpdateProperties updates) {
        this.settings = settings;
        this.codec = codec;
        this.clock = clock;
        this.events = events;
        this.kv = settings.kvAdaptor();
        this.deadline = new StoreDeadline(settings.values().storeTimeout());
        this.cap = new SessionCap(settings, deadline, events);
        this.conflicts = new UpdateConflicts(updates);
    }

    CompletionStage<@Nullable CookieChange> commit(RequestSession session) {
        return commit(session, 1);
    }

    private CompletionStage<@Nullable CookieChange> commit(RequestSession session, int attempt) {
        long now = clock.millis();
        PendingCommit pending = session.pendingCommit(now);
        if (pending == null) {
            return NO_CHANGE;
        }
        CommitPlan plan = pending.plan();
        if (plan instanceof CommitPlan.Create create) {
            return create(pending, create.deleteLoadedFirst(), now);
        } else if (plan instanceof CommitPlan.Update update) {
            if (attempt == 1 && !pending.guarded().isEmpty()) {
                return queue.run(
                        pending.loadedKey(), () -> update(session, pending, update.refreshCookie(), now, attempt));
            }
            return update(session, pending, update.refreshCookie(), now, attempt);
        } else if (plan instanceof CommitPlan.Move) {
            return move(pending, now);
        } else if (plan instanceof CommitPlan.Delete) {
            return delete(pending);
        } else if (plan instanceof CommitPlan.Resign) {
            return completed(setCookie(pending, pending.meta(), now));
        }
        return plan instanceof CommitPlan.ClearCookie ? CLEAR : NO_CHANGE;
    }

    private CompletionStage<CookieChange> create(PendingCommit s, boolean deleteLoadedFirst, long now) {
        SessionMeta touched = touched(s, now);
        String key = key(s);
        CompletionStage<?> before = deleteLoadedFirst ? delete(s) : NO_CHANGE;
        return deadline.bound(
                        before.thenCompose(ignored -> kv.create(key, s.fields().snapshot(touched))))
                .thenCompose(ignored -> cap.enforce(touched.userId(), key))
                .thenApply(ignored -> {
                    events.created(s.id());
                    return setCookie(s, touched, now);
                });
    }

    private CompletionStage<CookieChange> move(PendingCommit s, long now) {
        SessionMeta touched = touched(s, now);
        String key = key(s);
        return deadline.bound(kv.replace(s.loadedKey(), key, s.fields().snapshot(touched)))
                .thenCompose(
                        moved -> moved ? cap.enforce(touched.userId(), key).thenApply(i -> true) : completed(false))
                .thenApply(moved -> {
                    if (!moved) {
                        return CookieChange.CLEAR;
                    }
                    events.regenerated(s.loadedId(), s.id());
                    return setCookie(s, touched, now);
                });
    }

    /**
     * A write that an update guarded and that lost to a concurrent one is made again on the
     * session as the store now holds it, until it is stored or the attempts run out.
     */
    private CompletionStage<CookieChange> update(
            RequestSession session, PendingCommit s, boolean refreshCookie, long now, int attempt) {
        SessionMeta touched = touched(s, now);
        return deadline.bound(kv.update(s.loadedKey(), s.fields().delta(touched, s.guarded())))
                .thenCompose(result -> switch (result.outcome()) {
                    case APPLIED -> completed(refreshCookie ? setCookie(s, touched, now) : null);
                    case GONE -> CLEAR;
                    case CONFLICT ->
                        conflicts.retry(
                                attempt,
                                Objects.requireNonNull(result.current()),
                                () -> deadline.bound(kv.load(s.loadedKey())),
                                current -> {
                                    if (current == null) {
                                        return CLEAR;
                                    }
                                    try {
                                        session.rebase(current);
                                    } catch (SessionKitException known) {
                                        throw known; // such as a session grown past its size bound
                                    } catch (RuntimeException e) {
                                        throw new SessionUpdateConflictException(attempt, e);
                                    }
                                    return commit(session, attempt + 1);
                                });
                });
    }

    private CompletionStage<CookieChange> delete(PendingCommit s) {
        return deadline.bound(kv.delete(s.loadedKey())).thenApply(deleted -> {
            if (deleted) {
                events.destroyed(s.loadedId());
            }
            return CookieChange.CLEAR;
        });
    }

    private SessionMeta touched(PendingCommit s, long now) {
        return s.meta()
                .touched(now, s.lifetime().idleMillis(settings.values().ttl().toMillis()));
    }

    private String key(PendingCommit s) {
        return settings.values().namespace() + s.id();
    }

    /** A cookie whose Max-Age follows the session's idle lifetime, or none for a browser-session cookie. */
    private CookieChange setCookie(PendingCommit s, SessionMeta meta, long now) {
        SignInLifetime lifetime = s.lifetime();
        if (!lifetime.persistentCookie(settings.cookie().persistent())) {
            return new CookieChange(codec.sign(s.token()), -1);
        }
        long maxAgeMillis =
                Math.min(lifetime.idleMillis(settings.values().ttl().toMillis()), meta.absoluteExpiresAt() - now);
        return new CookieChange(codec.sign(s.token()), Math.max(0, maxAgeMillis / 1000));
    }

    private static <T> CompletableFuture<T> completed(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
