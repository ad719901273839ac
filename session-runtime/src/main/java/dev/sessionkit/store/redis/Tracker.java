package dev.sessionkit.store.redis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tracking connection: the near-cache copies read through it, and whether it can still be
 * believed. Redis sends a connection the invalidations for the keys it read in order with its
 * replies; so once the answer to a ping sent at time t has arrived, every invalidation of a write
 * Redis finished before t has been applied. A copy is served only while the connection is open and
 * a ping sent within the allowed silence has been answered: no copy outlives a write by more than
 * that, however late its invalidation.
 */
final class Tracker {

    private final Map<String, Object> copies = new ConcurrentHashMap<>();
    private final long silenceNanos;
    private volatile boolean open = true;
    private volatile long answeredUpTo = System.nanoTime();

    /** @param silenceNanos how long without any reply the connection is still believed */
    Tracker(long silenceNanos) {
        this.silenceNanos = silenceNanos;
    }

    /** @return the keys read through this connection: copies, or reservations of reads in flight */
    Map<String, Object> copies() {
        return copies;
    }

    /** @param sentAt when the command just answered was sent, by {@link System#nanoTime()} */
    void answered(long sentAt) {
        if (sentAt - answeredUpTo > 0) {
            answeredUpTo = sentAt;
        }
    }

    /** @return true the first time only: the connection is lost for good */
    synchronized boolean lose() {
        boolean was = open;
        open = false;
        return was;
    }

    /** @return whether copies read through this connection may be served */
    boolean trusted() {
        return open && System.nanoTime() - answeredUpTo < silenceNanos;
    }
}
