package dev.sessionkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application's own annotation that carries {@link RequiresRoles} or {@link RequiresUser}
 * guards exactly as the original does, on methods and classes, and the startup check sees it.
 */
class ComposedGuardsTest {

    private static EmbeddedServer server;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of("spec.name", ComposedGuardsApp.SPEC, "session.middlewares", "session,user-bridge"),
                "test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Client as(String user) {
        Client client = new Client(server.getURI(), "session");
        if (user != null) {
            assertEquals(200, client.post("/composed/sign-in?user=" + user).statusCode());
        }
        return client;
    }

    private void assertAnswers(String path, int visitor, int nobody, int alice, int carol) {
        assertEquals(visitor, as(null).get(path).statusCode(), path + " for a visitor");
        assertEquals(nobody, as("bob").get(path).statusCode(), path + " for a user without roles");
        assertEquals(alice, as("alice").get(path).statusCode(), path + " for an admin");
        assertEquals(carol, as("carol").get(path).statusCode(), path + " for support");
    }

    @Test
    void aComposedRoleGuardOnAMethodIsEnforced() {
        assertAnswers("/composed/admin", 401, 403, 200, 403);
    }

    @Test
    void aGuardTwoAnnotationsDeepIsEnforced() {
        assertAnswers("/composed/back-office", 401, 403, 200, 403);
    }

    @Test
    void aComposedUserGuardIsEnforced() {
        assertAnswers("/composed/member", 401, 200, 200, 200);
        assertAnswers("/composed/public", 200, 200, 200, 200);
    }

    @Test
    void rolesOfSeveralGuardsOnOneMethodAreMerged() {
        assertAnswers("/composed/staff", 401, 403, 200, 200);
    }

    @Test
    void theOriginalRepeatedOnOneMethodMergesItsRoles() {
        assertAnswers("/composed/either", 401, 403, 200, 200);
    }

    @Test
    void aComposedGuardOnTheClassCoversEveryRoute() {
        assertAnswers("/composed-class/report", 401, 403, 200, 403);
    }

    @Test
    void aMethodsRolesMergeWithItsClasses() {
        assertAnswers("/composed-class/support-too", 401, 403, 200, 200);
    }

    @Test
    void theStartupCheckSeesComposedGuards() {
        Exception e = assertThrows(
                Exception.class,
                () -> ApplicationContext.run(
                                EmbeddedServer.class,
                                Map.of("spec.name", ComposedGuardsApp.SPEC, "session.middlewares", "session"),
                                "test")
                        .close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("/composed"), messages.toString());
    }
}
