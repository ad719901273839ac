package dev.sessionkit.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs this instance's guarded commits of one session one after another. Requests of one
 * session that overlap on one instance would otherwise all send their compare-and-set at once,
 * and all but one lose, round after round; queued, each loses at most once (to the commit ahead
 * of it) and then writes on the session that commit left. Only other instances still compete.
 * A session with no queued commit costs one map entry while its commit runs.
 */
final class CommitQueue {

    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /**
     * @param key the session's store key
     * @param commit the commit, started once every commit of the key queued before it finished
     * @param <T> what the commit gives
     * @return the commit's outcome
     */
    <T> CompletionStage<T> run(String key, Supplier<CompletionStage<T>> commit) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> ahead = tails.put(key, done);
        CompletionStage<T> result = ahead == null ? start(commit) : ahead.thenCompose(ignored -> start(commit));
        return result.whenComplete((value, error) -> {
            tails.remove(key, done);
            done.complete(null);
        });
    }

    /** @return how many sessions have a commit running or queued */
    int size() {
        return tails.size();
    }

    private static <T> CompletionStage<T> start(Supplier<CompletionStage<T>> commit) {
        try {
            return commit.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
