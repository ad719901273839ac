package dev.sessionkit.test;

import dev.sessionkit.conformance.AdjustableClock;
import dev.sessionkit.conformance.Client;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole conformance kit against your app in one line: {@code @MicronautTest class
 * SessionConformanceTest extends SessionKitConformance {}}. It signs in, signs out, writes as a
 * guest and revokes through small routes this kit adds to the test context only, so every check
 * runs through your middleware chain, store, cookie and CSRF settings and lifetimes; the clock is
 * an {@link AdjustableClock} unless your app defines its own {@code Clock}. To check your own
 * sign-in and guarded routes too, extend {@link MicronautConformanceKit} instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SessionKitConformance extends MicronautConformanceKit implements TestPropertyProvider {

    private static final String FORM = "application/x-www-form-urlencoded";

    /** Turns on the kit's routes (and clock) in this test's context. */
    @Override
    public Map<String, String> getProperties() {
        return Map.of(ConformanceRoutes.ENABLED, "true");
    }

    @Override
    protected void signIn(Client client) {
        HttpResponse<String> r = signInWithLabel(client, "conformance");
        if (r.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    protected void signOut(Client client) {
        client.post(ConformanceRoutes.BASE + "/sign-out", null, null);
    }

    @Override
    protected HttpResponse<String> signInWithLabel(Client client, String label) {
        return client.post(
                ConformanceRoutes.BASE + "/sign-in",
                FORM,
                "user=conformance-user&label=" + URLEncoder.encode(label, StandardCharsets.UTF_8));
    }

    @Override
    protected HttpResponse<String> revokeSession(Client client, String id) {
        return client.send("DELETE", ConformanceRoutes.BASE + "/sessions/" + id, null, null);
    }

    @Override
    protected String protectedPath() {
        return ConformanceRoutes.BASE + "/me";
    }

    @Override
    protected List<String> guardedPaths() {
        return List.of(protectedPath());
    }

    @Override
    protected List<String> safePaths() {
        return List.of("/", protectedPath());
    }

    @Override
    protected void startGuestSession(Client client) {
        client.post(ConformanceRoutes.BASE + "/guest", null, null);
    }

    @Override
    protected HttpResponse<String> unsafeRequest(Client client, String... headers) {
        return client.post(ConformanceRoutes.BASE + "/guest", null, null, headers);
    }

    /** The app's clock during the conformance test, moved by the timeout checks. */
    @Primary
    @Singleton
    @Requires(property = ConformanceRoutes.ENABLED, value = "true")
    static final class ConformanceClock extends AdjustableClock {}
}
