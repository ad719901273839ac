package dev.sessionkit.session;

import dev.sessionkit.error.SessionKitException;
import dev.sessionkit.store.SessionStoreException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.ThreadExecutorMap;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds a store call by {@code session.store-timeout} and hands its result back on the caller's
 * event loop, so controllers never run on a store client's threads. A call that times out is
 * cancelled, so a store client does not pile up work for a server that is down.
 *
 * <p>On an event loop the deadline is a task of the loop's own scheduler, and a result that
 * arrives on the loop (a loop-local Redis connection) is taken at once: no other thread is woken.
 * Elsewhere the JDK's delayer keeps the deadline. Finished calls (the memory store) pass straight
 * through.
 */
@Internal
public final class StoreDeadline {

    private final long timeoutMillis;

    /** @param timeout {@code session.store-timeout} */
    public StoreDeadline(@NonNull Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * As {@link #bound}, for a call whose failure answers a request: a timeout or any store
     * error becomes a {@link SessionStoreException} (503, retry shortly) that says which call.
     *
     * @param operation what the call does, for the message
     * @param stage the store call
     * @param <T> its result
     * @return the bounded call
     */
    public <T> @NonNull CompletionStage<T> call(@NonNull String operation, @NonNull CompletionStage<T> stage) {
        return bound(stage).exceptionallyCompose(error -> {
            Throwable cause = SessionStoreException.causeOf(error);
            return CompletableFuture.failedFuture(
                    cause instanceof SessionKitException known ? known : failure(operation, error));
        });
    }

    /**
     * @param operation what the call did, for the message
     * @param error what the bounded call failed with
     * @return the store failure it means: itself when it is one, else one that says the call
     *     timed out or failed
     */
    @NonNull
    SessionStoreException failure(@NonNull String operation, @NonNull Throwable error) {
        Throwable cause = SessionStoreException.causeOf(error);
        if (cause instanceof SessionStoreException known) {
            return known;
        }
        String what = cause instanceof TimeoutException
                ? "did not answer within " + timeoutMillis + " ms"
                : "failed: " + cause;
        return new SessionStoreException("Session store " + operation + " " + what, cause);
    }

    /**
     * @param stage a store call
     * @param <T> its result
     * @return the call, failed with {@link TimeoutException} past the timeout and handed back on the caller's loop
     */
    public <T> @NonNull CompletionStage<T> bound(@NonNull CompletionStage<T> stage) {
        CompletableFuture<T> call = stage.toCompletableFuture();
        if (call.isDone()) {
            return call;
        }
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        return loop == null ? offLoop(call) : onLoop(call, loop);
    }

    private <T> CompletableFuture<T> offLoop(CompletableFuture<T> call) {
        CompletableFuture<T> timed = call.copy().orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
        timed.whenComplete((value, error) -> {
            if (error instanceof TimeoutException) {
                call.cancel(true);
            }
        });
        return timed;
    }

    private <T> CompletableFuture<T> onLoop(CompletableFuture<T> call, EventExecutor loop) {
        CompletableFuture<T> result = new CompletableFuture<>();
        ScheduledFuture<?> deadline = loop.schedule(
                () -> {
                    if (result.completeExceptionally(new TimeoutException())) {
                        call.cancel(true);
                    }
                },
                timeoutMillis,
                TimeUnit.MILLISECONDS);
        call.whenComplete((value, error) -> {
            if (loop.inEventLoop()) {
                settle(result, deadline, value, error);
                return;
            }
            try {
                loop.execute(() -> settle(result, deadline, value, error));
            } catch (RejectedExecutionException shuttingDown) {
                settle(result, deadline, value, error);
            }
        });
        return result;
    }

    private static <T> void settle(
            CompletableFuture<T> result, ScheduledFuture<?> deadline, @Nullable T value, @Nullable Throwable error) {
        deadline.cancel(false);
        if (error == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(error);
        }
    }
}
