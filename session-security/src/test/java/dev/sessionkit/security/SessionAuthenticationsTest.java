package dev.sessionkit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.user.AuthContext;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping keeps the subject, roles and claims, and adds the name, scopes and source. */
class SessionAuthenticationsTest {

    @Test
    void everyPartOfTheUserIsKept() {
        AuthContext user =
                new AuthContext("u1", "Ada", Set.of("admin"), Set.of("orders:read"), Map.of("plan", "gold"), "session");
        Authentication authentication = SessionAuthentications.of(user);
        assertEquals("u1", authentication.getName());
        assertEquals(List.of("admin"), List.copyOf(authentication.getRoles()));
        assertEquals("gold", authentication.getAttributes().get("plan"));
        assertEquals("Ada", authentication.getAttributes().get(SessionAuthentications.NAME));
        assertEquals(List.of("orders:read"), authentication.getAttributes().get(SessionAuthentications.SCOPES));
        assertEquals("session", authentication.getAttributes().get(SessionAuthentications.TYPE));
    }
}
