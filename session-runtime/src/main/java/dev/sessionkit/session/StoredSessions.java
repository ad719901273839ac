package dev.sessionkit.session;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.token.TokenCodec;
import dev.sessionkit.token.VerifiedToken;
import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link ServerSessions}' reads of stored sessions, each bounded by the store timeout: a session
 * that has gone or expired reads as empty, and a forged token never reaches the store.
 */
final class StoredSessions {

    private final SessionSettings settings;
    private final TokenCodec codec;
    private final Clock clock;
    private final StoreDeadline deadline;
    private final SessionManager manager;

    StoredSessions(
            SessionSettings settings, TokenCodec codec, Clock clock, StoreDeadline deadline, SessionManager manager) {
        this.settings = settings;
        this.codec = codec;
        this.clock = clock;
        this.deadline = deadline;
        this.manager = manager;
    }

    /** @return the metadata of a session born now */
    SessionMeta freshMeta() {
        return SessionTools.freshMeta(settings, clock);
    }

    /** @return the live session a token names, ready to read and commit as a request's would */
    CompletionStage<Optional<RequestSession>> loaded(@Nullable String token) {
        VerifiedToken verified = codec.verify(token);
        if (verified == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String id = codec.publicId(verified.token());
        String key = settings.values().namespace() + id;
        return live(key).thenApply(record -> record.map(r -> manager.detached(verified.token(), id, key, r)));
    }

    /** @return the session's details as loaded, once a touch that was due is written; empty when it ended */
    CompletionStage<Optional<SessionDetails>> touch(@Nullable String token) {
        return loaded(token).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            Optional<SessionDetails> details = found.get().meta();
            return manager.commit(found.get())
                    .thenApply(cookie -> cookie == CookieChange.CLEAR ? Optional.empty() : details);
        });
    }

    /** @return the details of the live session stored under {@code key} */
    CompletionStage<Optional<SessionDetails>> details(String key, String namespace) {
        return live(key)
                .thenApply(record -> record.map(r -> SessionDetails.of(key.substring(namespace.length()), r.meta())));
    }

    private CompletionStage<Optional<SessionRecord>> live(String key) {
        return deadline.call("load", settings.kvAdaptor().load(key))
                .thenApply(record -> record == null || record.meta().isExpired(clock.millis())
                        ? Optional.empty()
                        : Optional.of(record));
    }
}
