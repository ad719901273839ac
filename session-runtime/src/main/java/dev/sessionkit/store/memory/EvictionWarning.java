package dev.sessionkit.store.memory;

import dev.sessionkit.error.OncePer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says, at most once a minute, that a full in-memory store is signing users out. */
final class EvictionWarning {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryKvAdaptor.class);
    private final OncePer oncePer = new OncePer(60_000);
    private final int maxSessions;

    EvictionWarning(int maxSessions) {
        this.maxSessions = maxSessions;
    }

    void signedInEvicted(long now) {
        if (oncePer.due(now)) {
            LOG.warn(
                    "The in-memory session store is full of signed-in sessions ({}), so it is signing users out;"
                            + " raise session.memory.max-sessions or use the redis or jdbc store",
                    maxSessions);
        }
    }
}
