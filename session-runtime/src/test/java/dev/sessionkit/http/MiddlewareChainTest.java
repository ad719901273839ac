package dev.sessionkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.app.SessionApp;
import dev.sessionkit.conformance.Client;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Registration order is run order, responses unwind in reverse, and what is not registered never runs. */
class MiddlewareChainTest {

    static final List<String> TRACE = new CopyOnWriteArrayList<>();

    @Test
    void theBuilderRegistersMiddlewaresInOrderAndOnlyThose() {
        TRACE.clear();
        try (ApplicationContext app = SessionApp.builder(MiddlewareChainTest.class)
                .middleware(SessionMiddleware.class)
                .middleware(Second.class)
                .middleware(First.class)
                .property("spec.name", "MiddlewareChainTest")
                .property("micronaut.server.port", -1)
                .defaultEnvironments("test")
                .start()) {
            Client browser = new Client(app.getBean(EmbeddedServer.class).getURI(), "session");
            assertEquals(200, browser.post("/t/put/user?value=alice").statusCode());
            assertEquals(List.of("second:request", "first:request", "first:response", "second:response"), TRACE);
            assertTrue(browser.get("/t/get/user").body().contains("alice"), "the session middleware ran too");
        }
    }

    @Test
    void ymlNamesWorkAndAsyncMiddlewaresAreAwaited() {
        TRACE.clear();
        try (EmbeddedServer server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of("spec.name", "MiddlewareChainTest", "session.middlewares", "first,slow,session"),
                "test")) {
            Client browser = new Client(server.getURI(), "session");
            assertEquals(200, browser.get("/t/anon").statusCode());
            assertEquals(List.of("first:request", "slow:request", "slow:response", "first:response"), TRACE);
        }
    }

    @Test
    void anUnknownMiddlewareStopsStartupNamingTheKnownOnes() {
        Exception e = assertThrows(
                Exception.class,
                () -> ApplicationContext.run(
                                EmbeddedServer.class,
                                Map.of("spec.name", "MiddlewareChainTest", "session.middlewares", "session,nosuch"),
                                "test")
                        .close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage());
        }
        assertTrue(
                messages.toString().contains("'nosuch'") && messages.toString().contains("user-bridge"),
                messages.toString());
    }

    /** Records its calls. */
    abstract static class Recording implements Middleware {
        private final String name;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public CompletionStage<?> onRequest(HttpRequest<?> request, AnnotationMetadata route) {
            TRACE.add(name + ":request");
            return null;
        }

        @Override
        public CompletionStage<?> onResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
            TRACE.add(name + ":response");
            return null;
        }
    }

    @Singleton
    @Named("first")
    @Requires(property = "spec.name", value = "MiddlewareChainTest")
    static class First extends Recording {
        First() {
            super("first");
        }
    }

    @Singleton
    @Named("second")
    @Requires(property = "spec.name", value = "MiddlewareChainTest")
    static class Second extends Recording {
        Second() {
            super("second");
        }
    }

    /** Finishes later, on another thread, as a middleware calling a service would. */
    @Singleton
    @Named("slow")
    @Requires(property = "spec.name", value = "MiddlewareChainTest")
    static class Slow implements Middleware {
        @Override
        public CompletionStage<?> onRequest(HttpRequest<?> request, AnnotationMetadata route) {
            return CompletableFuture.runAsync(
                    () -> TRACE.add("slow:request"),
                    CompletableFuture.delayedExecutor(20, java.util.concurrent.TimeUnit.MILLISECONDS));
        }

        @Override
        public CompletionStage<?> onResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
            return CompletableFuture.runAsync(
                    () -> TRACE.add("slow:response"),
                    CompletableFuture.delayedExecutor(20, java.util.concurrent.TimeUnit.MILLISECONDS));
        }
    }
}
