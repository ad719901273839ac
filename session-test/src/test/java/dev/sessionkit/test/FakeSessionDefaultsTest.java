package dev.sessionkit.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.config.CookieProperties;
import dev.sessionkit.config.SessionProperties;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake's settings are the defaults an application gets, so they cannot drift apart. */
class FakeSessionDefaultsTest {

    @Test
    void theFakeUsesTheBoundDefaults() {
        try (ApplicationContext context = ApplicationContext.run("defaults")) {
            SessionProperties bound = context.getBean(SessionProperties.class);
            SessionProperties withoutSecrets = new SessionProperties(
                    bound.store(),
                    bound.namespace(),
                    bound.cookieName(),
                    bound.ttl(),
                    bound.absoluteTtl(),
                    bound.touchInterval(),
                    null,
                    List.of(),
                    bound.excludePaths(),
                    bound.maxPayloadBytes(),
                    bound.storeTimeout(),
                    bound.trustedProxies(),
                    bound.forwardedHeaders(),
                    bound.maxSessionsPerUser(),
                    bound.createOnSafeMethods(),
                    bound.keepDataOnUserSwitch(),
                    bound.transports(),
                    null);
            assertEquals(withoutSecrets, FakeSession.DEFAULTS);
            assertEquals(context.getBean(CookieProperties.class), FakeSession.COOKIE_DEFAULTS);
        }
    }
}
