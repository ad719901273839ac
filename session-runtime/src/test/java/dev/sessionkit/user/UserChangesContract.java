package dev.sessionkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.conformance.Client;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances on one store. A user's roles change in the directory and instance A says so with
 * {@link UserChanges#changed}; from the moment that call completes, instance B, whose cache held
 * the old roles, must answer with the new ones: 200 trials, alternating the admin role, not one
 * stale answer. Each store's test gives the properties of its store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserChangesContract {

    private static final int TRIALS = 200;

    EmbeddedServer a;
    EmbeddedServer b;

    /** @return the properties that put both instances on the same store */
    abstract Map<String, String> storeProperties();

    /** @return whether the store is shared between two application contexts (the memory store is not) */
    boolean shared() {
        return true;
    }

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(storeProperties());
        properties.put("spec.name", UserChangesApp.SPEC);
        properties.put("session.middlewares", "session,user-bridge");
        properties.put("session.secret", "one secret for both instances, 32 characters or more");
        a = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        b = shared() ? ApplicationContext.run(EmbeddedServer.class, properties, "test") : a;
    }

    @AfterAll
    void stop() {
        a.close();
        if (b != a) {
            b.close();
        }
    }

    @Test
    void aRoleChangeReachesTheOtherInstanceWhenTheCallReturns() {
        String user = "role-" + System.nanoTime();
        UserChangesApp.DIRECTORY.put(user, Set.of("admin"));
        Client onA = new Client(a.getURI(), "session");
        onA.post("/uc/sign-in?user=" + user);
        Client onB = new Client(b.getURI(), "session");
        onB.cookie(onA.cookie());
        UserChanges changes = a.getApplicationContext().getBean(UserChanges.class);
        int stale = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            boolean wasAdmin = trial % 2 == 0;
            assertEquals(wasAdmin ? 200 : 403, onB.get("/uc/admin").statusCode(), "B's cache is warm");
            UserChangesApp.DIRECTORY.put(user, wasAdmin ? Set.of() : Set.of("admin"));
            assertEquals(1, changes.changed(user).toCompletableFuture().join());
            if (onB.get("/uc/admin").statusCode() != (wasAdmin ? 403 : 200)) {
                stale++;
            }
        }
        assertEquals(0, stale, "answers with the old roles after changed() returned, of " + TRIALS);
        assertEquals(200, onA.get("/uc/member").statusCode(), "the session itself goes on");
    }

    @Test
    void aDisabledAccountIsSignedOutEverywhereAndADeletedOneLosesItsSessions() {
        String user = "gone-" + System.nanoTime();
        UserChangesApp.DIRECTORY.put(user, Set.of());
        Client onA = new Client(a.getURI(), "session");
        onA.post("/uc/sign-in?user=" + user);
        Client onB = new Client(b.getURI(), "session");
        onB.cookie(onA.cookie());
        assertEquals(200, onB.get("/uc/member").statusCode());

        UserChangesApp.DIRECTORY.remove(user);
        UserChanges changes = a.getApplicationContext().getBean(UserChanges.class);
        changes.changed(user).toCompletableFuture().join();
        assertEquals(401, onB.get("/uc/member").statusCode(), "a disabled account is nobody on B at once");

        assertEquals(1, changes.deleted(user).toCompletableFuture().join());
        UserChangesApp.DIRECTORY.put(user, Set.of()); // even were it back, its sessions are gone
        assertEquals(401, onB.get("/uc/member").statusCode());
        assertEquals(401, onA.get("/uc/member").statusCode());
    }
}
