package dev.sessionkit.store;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What {@link KvAdaptor#update} did with a {@link SessionWrite}: applied it, found the session
 * gone, or refused it because a field no longer held what the write expected. A refusal carries
 * the session as it is now, so the writer can compute its change again without another read.
 *
 * @param outcome what happened
 * @param current the session as stored now, for a {@link Outcome#CONFLICT}; null otherwise
 */
public record UpdateResult(
        @NonNull Outcome outcome, @Nullable SessionRecord current) {

    /** The write was stored. */
    public static final UpdateResult APPLIED = new UpdateResult(Outcome.APPLIED, null);

    /** The session no longer exists (ended or expired); nothing was stored. */
    public static final UpdateResult GONE = new UpdateResult(Outcome.GONE, null);

    private static final CompletableFuture<UpdateResult> APPLIED_STAGE = CompletableFuture.completedFuture(APPLIED);
    private static final CompletableFuture<UpdateResult> GONE_STAGE = CompletableFuture.completedFuture(GONE);

    /** What a conditional save-if-exists write came to. */
    public enum Outcome {
        /** Stored. */
        APPLIED,
        /** The session was gone. */
        GONE,
        /** A field the write expected had changed; nothing was stored. */
        CONFLICT
    }

    /** A conflict must say what the session holds now; the other outcomes carry nothing. */
    public UpdateResult {
        if ((outcome == Outcome.CONFLICT) != (current != null)) {
            throw new IllegalArgumentException("a conflict, and only a conflict, carries the current session");
        }
    }

    /**
     * @param current the session as stored now
     * @return a refused write
     */
    public static @NonNull UpdateResult conflict(@NonNull SessionRecord current) {
        return new UpdateResult(Outcome.CONFLICT, current);
    }

    /**
     * @param applied whether a save-if-exists write found its session
     * @return {@link #APPLIED} or {@link #GONE}, completed
     */
    public static @NonNull CompletionStage<UpdateResult> of(boolean applied) {
        return applied ? APPLIED_STAGE : GONE_STAGE;
    }

    /** @return whether the write was stored */
    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }
}
