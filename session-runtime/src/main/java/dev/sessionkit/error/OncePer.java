package dev.sessionkit.error;

import io.micronaut.core.annotation.Internal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a warning through at most once per interval, across threads, so that a fault repeated on
 * every request is one line a minute in the log and not a flood; the first one always passes.
 */
@Internal
public final class OncePer {

    private static final long NEVER = 0;

    private final long interval;
    private final AtomicLong last = new AtomicLong(NEVER);

    /**
     * @param intervalMillis the least time between two warnings
     */
    public OncePer(long intervalMillis) {
        this.interval = intervalMillis;
    }

    /** @return whether a warning may go out now, by the monotonic clock; true for the first call */
    public boolean due() {
        return due(System.nanoTime() / 1_000_000L);
    }

    /**
     * @param now the time in milliseconds, by a clock of the caller's (the same one every call)
     * @return whether a warning may go out now; true for the first call
     */
    public boolean due(long now) {
        long stamp = now == NEVER ? 1 : now; // NEVER marks "not yet"; a clock reading of 0 is moved off it
        long previous = last.get();
        if (previous != NEVER && stamp - previous < interval) {
            return false;
        }
        return last.compareAndSet(previous, stamp);
    }
}
