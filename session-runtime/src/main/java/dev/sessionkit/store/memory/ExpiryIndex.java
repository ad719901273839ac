package dev.sessionkit.store.memory;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory store's sessions ordered by expiry, anonymous and signed-in apart, so that a full
 * store gives up anonymous sessions before any signed-in one.
 */
final class ExpiryIndex {

    /**
     * One session's place in the index; the sequence breaks ties so equal times never collide.
     *
     * @param expiresAt when the session expires
     * @param seq the order it was entered in
     * @param signedIn whether the session has a user
     */
    record Slot(long expiresAt, long seq, boolean signedIn) implements Comparable<Slot> {
        @Override
        public int compareTo(Slot other) {
            int byTime = Long.compare(expiresAt, other.expiresAt);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }

    private final ConcurrentSkipListMap<Slot, String> anonymous = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<Slot, String> signedIn = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();

    Slot add(String key, long expiresAt, boolean isSignedIn) {
        Slot slot = new Slot(expiresAt, sequence.incrementAndGet(), isSignedIn);
        of(slot).put(slot, key);
        return slot;
    }

    void remove(Slot slot) {
        of(slot).remove(slot);
    }

    /** @return the first expired session, anonymous ones first, taken out of the index; or null */
    Map.@Nullable Entry<Slot, String> pollExpired(long now) {
        Map.Entry<Slot, String> head = anonymous.firstEntry();
        if (head == null || head.getKey().expiresAt() > now) {
            head = signedIn.firstEntry();
            if (head == null || head.getKey().expiresAt() > now) {
                return null;
            }
        }
        remove(head.getKey());
        return head;
    }

    /** @return the anonymous session closest to expiry, else the signed-in one, taken out; or null */
    Map.@Nullable Entry<Slot, String> pollEvictable() {
        Map.Entry<Slot, String> head = anonymous.firstEntry();
        if (head == null) {
            head = signedIn.firstEntry();
        }
        if (head != null) {
            remove(head.getKey());
        }
        return head;
    }

    private ConcurrentSkipListMap<Slot, String> of(Slot slot) {
        return slot.signedIn() ? signedIn : anonymous;
    }
}
