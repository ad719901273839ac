package dev.sessionkit.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An application with its own catch-all error handler keeps it: SessionKit answers its own
 * exceptions (401, 403, 413, 503) and yields everything else; without one, an unexpected error is
 * still a 500 that carries no exception text.
 */
class HostErrorHandlerTest {

    private static final String HOST_CATCH_ALL = "test.host-catch-all";

    /** The application's own handler for every exception, as many applications have. */
    @Produces
    @Singleton
    @Requires(property = HOST_CATCH_ALL, value = "true")
    static class HostCatchAll implements ExceptionHandler<Exception, HttpResponse<?>> {
        @Override
        @SuppressWarnings("rawtypes")
        public HttpResponse<?> handle(HttpRequest request, Exception exception) {
            return HttpResponse.serverError("host handled");
        }
    }

    private static EmbeddedServer start(boolean hostCatchAll) {
        return ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "spec.name",
                        "AuthTest",
                        "session.middlewares",
                        "session,user-bridge",
                        "session.max-payload-bytes",
                        "64",
                        HOST_CATCH_ALL,
                        Boolean.toString(hostCatchAll)),
                "test");
    }

    @Test
    void theApplicationsCatchAllHandlesWhatIsNotSessionKits() {
        try (EmbeddedServer server = start(true)) {
            Client client = new Client(server.getURI(), "session");
            HttpResponse<String> boom = toHttp(client.get("/t/boom"));
            assertEquals(500, boom.code());
            assertEquals("host handled", boom.body());
            assertSessionKitAnswersItsOwn(client);
        }
    }

    @Test
    void withMicronautsDefaultAnUnexpectedErrorSaysNothingOfItself() {
        try (EmbeddedServer server = start(false)) {
            Client client = new Client(server.getURI(), "session");
            java.net.http.HttpResponse<String> boom = client.get("/t/boom");
            assertEquals(500, boom.statusCode());
            assertFalse(boom.body().contains("secret internals"), boom.body());
            assertSessionKitAnswersItsOwn(client);
        }
    }

    private static void assertSessionKitAnswersItsOwn(Client client) {
        java.net.http.HttpResponse<String> visitor = client.get("/auth/member");
        assertEquals(401, visitor.statusCode(), visitor.body());
        assertTrue(visitor.body().contains("\"success\":false"), visitor.body());
        assertEquals(
                403,
                client.request("POST", "/t/put/user?value=x", "Origin", "https://evil.example")
                        .statusCode());
        java.net.http.HttpResponse<String> big = client.post("/t/put/user?value=" + "x".repeat(200));
        assertEquals(413, big.statusCode(), big.body());
    }

    private static HttpResponse<String> toHttp(java.net.http.HttpResponse<String> response) {
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(response.statusCode()))
                .body(response.body());
    }
}
