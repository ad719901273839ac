package dev.sessionkit.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import dev.sessionkit.store.SessionSummary;
import dev.sessionkit.store.UserIndexed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link KvAdaptorContract} plus what a {@link UserIndexed} store must do: list a user's live
 * sessions newest first, revoke one only for its owner, revoke all but one, and keep a session
 * listed when an older one of the same user expires. Sign-out everywhere, the per-user cap and
 * the session list rest on these.
 */
public abstract class UserIndexContract extends KvAdaptorContract {

    @Test
    void theStoreSaysItKeepsAUserIndex() {
        assertInstanceOf(UserIndexed.class, store, "a store that lists users' sessions implements UserIndexed");
    }

    @Test
    void aUsersSessionsCanBeListedAndRevokedButNotAnotherUsers() {
        for (String name : List.of("a", "b", "c")) {
            SessionMeta meta = new SessionMeta(
                    clock.millis(),
                    clock.millis(),
                    clock.millis() + TTL,
                    clock.millis() + 2 * TTL,
                    "user-1",
                    "10.0.0.1",
                    "Firefox",
                    name);
            join(store.create(sessionKey(name), new SessionRecord(meta, Map.of())));
            clock.advance(Duration.ofSeconds(1));
        }
        SessionMeta other = new SessionMeta(
                clock.millis(),
                clock.millis(),
                clock.millis() + TTL,
                clock.millis() + 2 * TTL,
                "user-2",
                null,
                null,
                "mine");
        join(store.create(sessionKey("x"), new SessionRecord(other, Map.of())));

        List<SessionSummary> sessions = join(store.listByUser(namespace(), "user-1"));
        assertEquals(
                List.of("c", "b", "a"),
                sessions.stream().map(SessionSummary::label).toList(),
                "newest first");
        assertEquals(sessionKey("c"), sessions.get(0).key());
        assertEquals("Firefox", sessions.get(0).userAgent());

        assertFalse(join(store.deleteForUser("user-1", sessionKey("x"))), "not user-1's to revoke");
        assertTrue(join(store.deleteForUser("user-1", sessionKey("a"))));
        assertNull(join(store.load(sessionKey("a"))));

        assertEquals(
                List.of(sessionKey("c")),
                join(store.deleteByUser(namespace(), "user-1", sessionKey("b"))),
                "revoke all others, saying which");
        assertEquals(
                List.of(sessionKey("b")),
                join(store.listByUser(namespace(), "user-1")).stream()
                        .map(SessionSummary::key)
                        .toList());
        assertEquals(List.of(sessionKey("b")), join(store.deleteByUser(namespace(), "user-1", null)), "revoke all");
        assertEquals(List.of(), join(store.listByUser(namespace(), "user-1")));
        assertNotNull(join(store.load(sessionKey("x"))), "user-2 untouched");
    }

    @Test
    void aNewerSessionStaysListedAndRevocableAfterAnOlderOneExpires() {
        long now = clock.millis();
        SessionMeta newer = new SessionMeta(now, now, now + TTL, now + 2 * TTL, "user-1", null, null, "newer");
        join(store.create(sessionKey("newer"), new SessionRecord(newer, Map.of())));
        // Signing in from an old guest session: its absolute expiry is close.
        SessionMeta older = new SessionMeta(now - TTL, now, now + TTL, now + 1_200, "user-1", null, null, "older");
        join(store.create(sessionKey("older"), new SessionRecord(older, Map.of())));

        letTimePass(Duration.ofMillis(2_000));

        assertNull(join(store.load(sessionKey("older"))), "the older session is past its absolute expiry");
        assertEquals(
                List.of(sessionKey("newer")),
                join(store.listByUser(namespace(), "user-1")).stream()
                        .map(SessionSummary::key)
                        .toList(),
                "the newer session is still listed");
        assertEquals(
                List.of(sessionKey("newer")),
                join(store.deleteByUser(namespace(), "user-1", null)),
                "and revoked with the others");
        assertNull(join(store.load(sessionKey("newer"))));
    }
}
