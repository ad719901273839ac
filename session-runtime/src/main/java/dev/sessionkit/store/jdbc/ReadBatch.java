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
    private final Map<String, SessionRecord> found = new HashMap<>();
    private @Nullable String error;

    /** @param sentNanos when the statement was sent, by {@link System#nanoTime()} */
    ReadBatch(List<LoopReads.Read> reads, long sentNanos) {
        this.reads = reads;
        this.sentNanos = sentNanos;
    }

    List<LoopReads.Read> reads() {
        return reads;
    }

    long sentNanos() {
        return sentNanos;
    }

    /** @return the sessions found so far, by id */
    Map<String, SessionRecord> found() {
        return found;
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
