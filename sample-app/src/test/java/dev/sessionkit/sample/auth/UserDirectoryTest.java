package dev.sessionkit.sample.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A user keeps one id across restarts, so a session kept in Redis or PostgreSQL still names them. */
class UserDirectoryTest {

    @Test
    void theDemoUserHasTheSameIdAfterARestart() {
        UserDirectory before = new UserDirectory(4);
        UserDirectory after = new UserDirectory(4);
        String id = before.check(UserDirectory.DEMO_EMAIL, UserDirectory.DEMO_PASSWORD)
                .orElseThrow()
                .id();
        assertTrue(after.find(id).isPresent(), "the restarted directory knows the id a stored session names");
        assertEquals(
                id,
                after.check("Demo@Example.com", UserDirectory.DEMO_PASSWORD)
                        .orElseThrow()
                        .id());
    }

    @Test
    void differentEmailsHaveDifferentIds() {
        UserDirectory users = new UserDirectory(4);
        users.signUp("ada@example.com", "difference-engine", "Ada");
        String ada = users.check("ada@example.com", "difference-engine")
                .orElseThrow()
                .id();
        String demo = users.check(UserDirectory.DEMO_EMAIL, UserDirectory.DEMO_PASSWORD)
                .orElseThrow()
                .id();
        assertNotEquals(ada, demo);
    }
}
