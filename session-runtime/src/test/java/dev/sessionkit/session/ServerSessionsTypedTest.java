package dev.sessionkit.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.TypedTestController;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed data read and written outside a request, and all of a user's sessions ended in one call. */
@MicronautTest
class ServerSessionsTypedTest {

    /** What a generated accessor is, written by hand over two of the test controller's fields. */
    record Profile(String name, int count) {}

    static final class Profiles extends SessionAccessor<Profile> {
        Profiles(SessionManager manager) {
            super(manager);
        }

        @Override
        public Profile read(Session session) {
            Integer count = session.read(TypedTestController.COUNT);
            return new Profile(session.read(TypedTestController.NAME), count == null ? 0 : count);
        }

        @Override
        protected void write(Session session, Profile data) {
            session.write(TypedTestController.NAME, data.name());
            session.write(TypedTestController.COUNT, data.count());
        }
    }

    @Inject
    EmbeddedServer server;

    @Inject
    ServerSessions sessions;

    @Inject
    SessionManager manager;

    @Test
    void typedDataIsReadAndWrittenOutsideARequestAndARequestSeesIt() {
        Profiles profiles = new Profiles(manager);
        String token =
                sessions.create("ada", "job", null).toCompletableFuture().join().token();
        assertEquals(
                Optional.of(new Profile(null, 1)),
                sessions.read(token, profiles).toCompletableFuture().join());

        assertTrue(sessions.update(token, profiles, p -> new Profile("Ada", p.count() + 4))
                .toCompletableFuture()
                .join());
        assertEquals(
                Optional.of(new Profile("Ada", 5)),
                sessions.read(token, profiles).toCompletableFuture().join());

        Client browser = new Client(server.getURI(), "session");
        browser.cookie(token);
        assertTrue(browser.get("/typed/read").body().startsWith("{\"name\":\"Ada\",\"level\":\"LOW\",\"count\":5,"));
        assertEquals(
                "{\"name\":\"\\\"Ada\\\"\",\"count\":\"5\"}",
                browser.get("/typed/raw").body(),
                "only what changed");

        assertFalse(sessions.update("forged.token", profiles, p -> p)
                .toCompletableFuture()
                .join());
    }

    @Test
    void everySessionOfAUserEndsInOneCall() {
        Profiles profiles = new Profiles(manager);
        String first = sessions.create("grace", "laptop", null)
                .toCompletableFuture()
                .join()
                .token();
        String second = sessions.create("grace", "phone", null)
                .toCompletableFuture()
                .join()
                .token();
        String other = sessions.create("linus", "phone", null)
                .toCompletableFuture()
                .join()
                .token();

        assertEquals(
                2, sessions.destroyAllForUser("grace").toCompletableFuture().join());
        assertEquals(
                Optional.empty(),
                sessions.read(first, profiles).toCompletableFuture().join());
        assertEquals(
                Optional.empty(),
                sessions.read(second, profiles).toCompletableFuture().join());
        assertTrue(sessions.read(other, profiles).toCompletableFuture().join().isPresent());
        assertFalse(
                sessions.update(first, profiles, p -> new Profile("x", 9))
                        .toCompletableFuture()
                        .join(),
                "an ended session is not brought back");
    }
}
