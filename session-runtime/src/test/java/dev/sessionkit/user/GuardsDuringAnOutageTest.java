package dev.sessionkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.conformance.Client;
import dev.sessionkit.support.CountingConfig;
import dev.sessionkit.support.CountingKvAdaptor;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A store outage is a 503 on guarded routes too: a 401 would tell clients their credentials are
 * bad, and many drop them.
 */
@MicronautTest
@Property(name = "spec.name", value = AuthTestApp.SPEC)
@Property(name = "session.middlewares", value = "session,user-bridge")
@Property(name = "test.counting", value = "true")
class GuardsDuringAnOutageTest {

    @Inject
    EmbeddedServer server;

    @Inject
    CountingConfig config;

    @Test
    void aGuardedRouteAnswers503WhileTheStoreIsDown() {
        CountingKvAdaptor store = config.counter();
        Client alice = new Client(server.getURI(), "session");
        assertEquals(200, alice.post("/auth/sign-in?user=alice").statusCode());
        store.failing = true;
        try {
            HttpResponse<String> member = alice.get("/auth/member");
            assertEquals(503, member.statusCode(), member.body());
            assertEquals(503, alice.get("/auth/admin").statusCode());
            assertEquals(
                    401,
                    new Client(server.getURI(), "session").get("/auth/member").statusCode(),
                    "a visitor without a session is still a 401: nothing was asked of the store");
        } finally {
            store.failing = false;
        }
        assertEquals(200, alice.get("/auth/member").statusCode(), "recovers");
    }
}
