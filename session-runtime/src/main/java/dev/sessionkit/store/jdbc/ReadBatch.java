package dev.sessionkit.store.jdbc;

import dev.sessionkit.store.SessionRecord;
import io.micronaut.core.annotation.Nullable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reads one statement of a loop's connection answers, and what came back for them. */
final class ReadBatch {

    private final List<LoopReads.Read> reads;
    private final long sentNanos;
    private final long nowMillis;
    private final Map<String, SessionRecord> found = new HashMap<>();
    private @Nullable String error;

    /**
     * @param sentNanos when the statement was sent, by {@link System#nanoTime()}
     * @param nowMillis the time the sessions read must not have expired by
     */
    ReadBatch(List<LoopReads.Read> reads, long sentNanos, long nowMillis) {
        this.reads = reads;
        this.sentNanos = sentNanos;
        this.nowMillis = nowMillis;
    }

    List<LoopReads.Read> reads() {
        return reads;
    }

    long sentNanos() {
        return sentNanos;
    }

    /**
     * Takes one row of the answer: the statement matches on the key alone, so a session that
     * expired and has not been swept yet comes back too, and is no session here.
     */
    void found(String id, SessionRecord record, long expiresAtMillis) {
        if (expiresAtMillis > nowMillis) {
            found.put(id, record);
        }
    }

    /** @return why the statement failed, or null while it has not */
    @Nullable
    String error() {
        return error;
    }

    /** Marks the statement failed; its first reason is kept. */
    void fail(String why) {
        if (error == null) {
            error = why;
        }
    }

    /** Answers every read: with its session or none, or with the statement's failure. */
    void settle() {
        for (LoopReads.Read read : reads) {
            if (error == null) {
                read.result().complete(found.get(read.key()));
            } else {
                read.fail("Session store load failed: " + error);
            }
        }
    }
}
