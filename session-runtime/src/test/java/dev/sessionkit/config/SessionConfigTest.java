package dev.sessionkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.annotation.Config;
import dev.sessionkit.conformance.Client;
import dev.sessionkit.store.memory.MemoryKvAdaptor;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Startup rules: one {@code @Config} at most, secrets required outside dev/test, settings validated. */
class SessionConfigTest {

    private static final String SECRET_A = "a-secret-of-at-least-thirty-two-characters";
    private static final String SECRET_B = "b-secret-of-at-least-thirty-two-characters";

    @Test
    void aConfigSubclassReplacesTheYmlDefaultsAndInheritsWhatItDoesNotOverride() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("spec.name", "OneConfig"), "test")) {
            SessionSettings settings = context.getBean(SessionSettings.class);
            assertEquals(OneConfig.class.getName(), settings.values().config());
            assertEquals("shop_session", settings.cookieName());
            assertEquals("shop:", settings.values().namespace());
            assertEquals(Duration.ofDays(7).toMillis(), settings.values().ttl().toMillis());
            assertEquals(
                    Duration.ofHours(2).toMillis(),
                    settings.values().absoluteTtl().toMillis(),
                    "from application-test.yml");
            assertEquals("Strict", settings.cookie().sameSite().name());
        }
    }

    @Test
    void twoConfigSubclassesStopStartupNamingBoth() {
        Exception e = assertThrows(
                Exception.class,
                () -> ApplicationContext.run(Map.of("spec.name", "TwoConfigs"), "test")
                        .close());
        String message = rootMessage(e);
        assertTrue(message.contains(OneConfig.class.getName()), message);
        assertTrue(message.contains(OtherConfig.class.getName()), message);
    }

    @Test
    void aMissingSecretStopsStartupOutsideDevAndTestNamingTheVariable() {
        Exception e = assertThrows(Exception.class, () -> production(Map.of()).close());
        String message = rootMessage(e);
        assertTrue(message.contains("SESSION_SECRET"), message);
    }

    @Test
    void aShortSecretStopsStartupOutsideDevAndTest() {
        Exception e = assertThrows(
                Exception.class,
                () -> production(Map.of("session.secret", "short")).close());
        String message = rootMessage(e);
        assertTrue(message.contains("5 characters") && message.contains("SESSION_SECRET"), message);
    }

    @Test
    void anObviouslyGuessableSecretStopsStartupOutsideDevAndTest() {
        for (String guessable : List.of(
                "a".repeat(32),
                "abc".repeat(12),
                "passwordpasswordpasswordpassword",
                "abcdefghijklmnopqrstuvwxyz0123456789",
                "12121212121212121212121212121212")) {
            Exception e = assertThrows(
                    Exception.class,
                    () -> production(Map.of("session.secret", guessable)).close(),
                    guessable);
            String message = rootMessage(e);
            assertTrue(message.contains("guess") && message.contains("SESSION_SECRET"), message);
            assertFalse(message.contains(guessable), "the secret is never printed: " + message);
        }
    }

    @Test
    void aMisspeltStoreListsTheStoresThereAre() {
        assertStartupFails(Map.of("session.store", "reddis"), "did you mean 'redis'");
        assertStartupFails(Map.of("session.store", "nosuch"), "[jdbc, memory, redis]");
    }

    @Test
    void sameSiteNoneWithoutSecureStopsStartup() {
        assertStartupFails(Map.of("session.cookie.same-site", "None"), "session.cookie.secure");
        try (ApplicationContext context = ApplicationContext.run(
                Map.of("session.cookie.same-site", "None", "session.cookie.secure", "true"), "test")) {
            assertTrue(context.isRunning());
        }
    }

    @Test
    void aLongEnoughSecretStartsInProduction() {
        try (ApplicationContext context = production(Map.of("session.secret", SECRET_A))) {
            assertTrue(context.getBean(SessionSettings.class).cookieName().equals("session"));
        }
    }

    @Test
    void devRunsWithAnEphemeralSecret() {
        try (ApplicationContext context = ApplicationContext.builder()
                .environments("dev")
                .deduceEnvironment(false)
                .start()) {
            assertTrue(context.isRunning());
        }
    }

    @Test
    void badSettingsStopStartupNamingTheSetting() {
        assertStartupFails(Map.of("session.touch-interval", "45m"), "session.touch-interval");
        assertStartupFails(Map.of("session.ttl", "0s"), "session.ttl");
        assertStartupFails(Map.of("session.cookie-name", "bad;name"), "session.cookie-name");
        assertStartupFails(Map.of("session.store", "nosuch"), "session.store");
        assertStartupFails(Map.of("session.exclude-paths", "/a/*.js"), "session.exclude-paths");
        assertStartupFails(
                Map.of("session.cookie.host-prefix", "true", "session.cookie.domain", "example.com"), "host-prefix");
    }

    @Test
    void hostPrefixForcesSecureAndRenamesTheCookie() {
        try (ApplicationContext context =
                ApplicationContext.run(Map.of("session.cookie.host-prefix", "true"), "test")) {
            SessionSettings settings = context.getBean(SessionSettings.class);
            assertEquals("__Host-session", settings.cookieName());
            assertEquals(Boolean.TRUE, settings.cookie().secure());
        }
    }

    @Test
    void aSecureCookieAtTheRootGetsTheHostPrefixByDefault() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("session.cookie.secure", "true"), "test")) {
            assertEquals(
                    "__Host-session", context.getBean(SessionSettings.class).cookieName());
        }
        Map<String, Object> off = Map.of("session.cookie.secure", "true", "session.cookie.host-prefix", "false");
        try (ApplicationContext context = ApplicationContext.run(off, "test")) {
            assertEquals("session", context.getBean(SessionSettings.class).cookieName(), "turned off explicitly");
        }
        Map<String, Object> domain = Map.of("session.cookie.secure", "true", "session.cookie.domain", "example.com");
        try (ApplicationContext context = ApplicationContext.run(domain, "test")) {
            assertEquals("session", context.getBean(SessionSettings.class).cookieName(), "a Domain rules it out");
        }
    }

    @Test
    void productionWarnsWhenTheCookieIsNotSecure() {
        assertTrue(startupWarnings(Map.of("session.secret", SECRET_A)).contains("Secure"));
        assertEquals(
                "",
                startupWarnings(Map.of("session.secret", SECRET_A, "session.cookie.secure", "true")),
                "a Secure cookie needs no warning");
        assertEquals(
                "",
                startupWarnings(Map.of("session.secret", SECRET_A, "session.trusted-proxies", "10.0.0.1")),
                "behind a trusted TLS proxy Secure follows X-Forwarded-Proto");
    }

    @Test
    void aRandomSecretIsWorthAWarningInDevButNotInEveryTest() {
        assertTrue(startupWarnings("dev", Map.of()).contains("random secret"));
        assertEquals("", startupWarnings("test", Map.of()), "tests always run on a random secret");
    }

    private static String startupWarnings(Map<String, Object> properties) {
        return startupWarnings("prod", properties);
    }

    private static String startupWarnings(String environment, Map<String, Object> properties) {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.sessionkit.config");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            ApplicationContext.builder()
                    .environments(environment)
                    .deduceEnvironment(false)
                    .properties(properties)
                    .start()
                    .close();
            return appender.list.stream()
                    .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .reduce("", String::concat);
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void rotatedSecretsStillVerifyAndTheCookieIsResignedUnderTheNewOne() {
        String oldCookie;
        try (EmbeddedServer app = start(Map.of("session.secret", SECRET_A))) {
            Client browser = new Client(app.getURI(), "session");
            browser.post("/t/put/user?value=alice");
            oldCookie = browser.cookie();
        }
        String resigned;
        try (EmbeddedServer app = start(Map.of("session.secret", SECRET_B, "session.secrets", SECRET_A))) {
            Client browser = new Client(app.getURI(), "session");
            browser.cookie(oldCookie);
            var response = browser.get("/t/get/user");
            assertTrue(response.body().contains("\"value\":\"alice\""), response.body());
            resigned = browser.cookie();
            assertNotEquals(oldCookie, resigned, "re-signed under the new secret");
            assertEquals(oldCookie.substring(0, 43), resigned.substring(0, 43), "same token, new signature");
        }
        try (EmbeddedServer app = start(Map.of("session.secret", SECRET_B))) {
            Client stale = new Client(app.getURI(), "session");
            stale.cookie(oldCookie);
            assertTrue(stale.get("/t/get/user").body().contains("\"exists\":false"), "the retired secret is gone");
            Client current = new Client(app.getURI(), "session");
            current.cookie(resigned);
            assertTrue(current.get("/t/get/user").body().contains("\"value\":\"alice\""));
        }
    }

    /** A context in "prod" only: Micronaut would otherwise add "test" on seeing JUnit. */
    private static ApplicationContext production(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder()
                .environments("prod")
                .deduceEnvironment(false)
                .properties(properties)
                .start();
        assertEquals(java.util.Set.of("prod"), context.getEnvironment().getActiveNames());
        return context;
    }

    private static EmbeddedServer start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("spec.name", "SharedStore");
        return ApplicationContext.run(EmbeddedServer.class, all, "test");
    }

    private static void assertStartupFails(Map<String, Object> properties, String expected) {
        Exception e = assertThrows(
                Exception.class,
                () -> ApplicationContext.run(properties, "test").close());
        String message = rootMessage(e);
        assertTrue(message.contains(expected), message);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Config
    @Requires(property = "spec.name", pattern = "OneConfig|TwoConfigs")
    static class OneConfig extends SessionConfig {
        OneConfig(MemoryKvAdaptor memory) {
            super(memory);
        }

        @Override
        public String cookieName() {
            return "shop_session";
        }

        @Override
        public String namespace() {
            return "shop:";
        }

        @Override
        public Duration ttl() {
            return Duration.ofDays(7);
        }

        @Override
        public CookieOptions cookieOptions() {
            return CookieOptions.strict();
        }
    }

    @Config
    @Requires(property = "spec.name", value = "TwoConfigs")
    static class OtherConfig extends SessionConfig {
        OtherConfig(MemoryKvAdaptor memory) {
            super(memory);
        }
    }

    /** Keeps one memory store across application restarts, standing in for Redis. */
    @Config
    @Requires(property = "spec.name", value = "SharedStore")
    static class SharedStoreConfig extends SessionConfig {
        static final MemoryKvAdaptor STORE = new MemoryKvAdaptor(Clock.systemUTC(), 1000);

        SharedStoreConfig() {
            super(STORE);
        }
    }
}
