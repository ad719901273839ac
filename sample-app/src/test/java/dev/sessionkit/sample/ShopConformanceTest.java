package dev.sessionkit.sample;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sessionkit.conformance.AdjustableClock;
import dev.sessionkit.conformance.Client;
import dev.sessionkit.test.MicronautConformanceKit;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Singleton;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** The sample shop passes SessionKit's own conformance kit, run over real HTTP. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "ShopConformanceTest")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "shop.bcrypt-cost", value = "4")
@Property(name = "micronaut.server.cors.localhost-pass-through", value = "true")
class ShopConformanceTest extends MicronautConformanceKit implements TestPropertyProvider {

    private static final String DEMO = "{\"email\":\"demo@example.com\",\"password\":\"demo-password\"}";
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @Override
    public Map<String, String> getProperties() {
        return ShopTestProperties.asInMain();
    }

    @BeforeAll
    void captureLogs() {
        LOGS.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
    }

    // tag::routes[]
    @Override
    protected void signIn(Client client) {
        HttpResponse<String> r = client.post("/api/auth/sign-in", "application/json", DEMO);
        if (r.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    protected void signOut(Client client) {
        client.post("/api/auth/sign-out", null, null);
    }
    // end::routes[]

    @Override
    protected HttpResponse<String> signInWithLabel(Client client, String label) {
        return client.post("/api/auth/sign-in", "application/json", DEMO.replace("}", ",\"label\":\"" + label + "\"}"));
    }

    @Override
    protected HttpResponse<String> revokeSession(Client client, String id) {
        return client.send("DELETE", "/api/sessions/" + id, null, null);
    }

    @Override
    protected List<String> safePaths() {
        return List.of("/", "/cart", "/sign-in", "/sign-up", "/account", "/api/user/me", "/api/session", "/api/cart");
    }

    @Override
    protected List<String> guardedPaths() {
        return List.of("/api/user/me", "/api/sessions");
    }

    @Override
    protected String protectedPath() {
        return "/api/user/me";
    }

    @Override
    protected void startGuestSession(Client client) {
        client.post("/api/cart", "application/json", "{\"sku\":\"mug\",\"quantity\":1}");
    }

    @Override
    protected HttpResponse<String> unsafeRequest(Client client, String... headers) {
        return client.post("/api/cart", "application/json", "{\"sku\":\"tea-green\",\"quantity\":1}", headers);
    }

    @Override
    protected List<String> logLines() {
        return LOGS.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The application's clock, moved by the timeout checks. */
    @Singleton
    @Requires(property = "spec.name", value = "ShopConformanceTest")
    static class TestClock extends AdjustableClock {}
}
