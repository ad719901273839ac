package dev.sessionkit.session;

import dev.sessionkit.store.SessionRecord;
import io.micronaut.core.annotation.Nullable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * When and on what an update that lost to a concurrent one is made again. The first time at
 * once, on the session the conflict handed back, which is as fresh as it gets. After that, the
 * requests that keep colliding are spread out: each waits a random pause that may double with
 * every attempt up to {@code session.update.max-backoff}, then reads the session again, since
 * what the conflict handed back grew stale during the pause. At most {@code
 * session.update.max-attempts} attempts in all.
 */
final class UpdateConflicts {

    private final int maxAttempts;
    private final long maxBackoffMicros;

    UpdateConflicts(UpdateProperties properties) {
        this.maxAttempts = properties.maxAttempts();
        this.maxBackoffMicros = properties.maxBackoff().toNanos() / 1000;
    }

    /**
     * @param attempt the attempt that just lost, counted from 1
     * @param current the session as the conflict handed it back
     * @param reload reads the session again; null when it is gone
     * @param again makes the request's changes again on a session and commits them
     * @return the commit of the next attempt, or a failure with {@link SessionUpdateConflictException}
     */
    CompletionStage<@Nullable CookieChange> retry(
            int attempt,
            SessionRecord current,
            Supplier<CompletionStage<@Nullable SessionRecord>> reload,
            Function<@Nullable SessionRecord, CompletionStage<@Nullable CookieChange>> again) {
        if (attempt >= maxAttempts) {
            return CompletableFuture.failedFuture(new SessionUpdateConflictException(attempt));
        }
        if (attempt == 1) {
            return again.apply(current);
        }
        long ceiling = Math.min(maxBackoffMicros, 1000L << Math.min(attempt - 2, 20));
        long pause = ThreadLocalRandom.current().nextLong(ceiling + 1);
        return CompletableFuture.supplyAsync(reload, CompletableFuture.delayedExecutor(pause, TimeUnit.MICROSECONDS))
                .thenCompose(stage -> stage)
                .thenCompose(again);
    }
}
