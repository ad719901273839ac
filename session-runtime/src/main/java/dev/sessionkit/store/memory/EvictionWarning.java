package dev.sessionkit.store.memory;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says, at most once a minute, that a full in-memory store is signing users out. */
final class EvictionWarning {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryKvAdaptor.class);
    private static final long EVERY_MILLIS = 60_000;

    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
    private final int maxSessions;

    EvictionWarning(int maxSessions) {
        this.maxSessions = maxSessions;
    }

    void signedInEvicted(long now) {
        long previous = last.get();
        if (now - previous >= EVERY_MILLIS && last.compareAndSet(previous, now)) {
            LOG.warn(
                    "The in-memory session store is full of signed-in sessions ({}), so it is signing users out;"
                            + " raise session.memory.max-sessions or use the redis or jdbc store",
                    maxSessions);
        }
    }
}
