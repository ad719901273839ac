package dev.sessionkit.user;

import dev.sessionkit.testing.RedisServers;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** Every user-bridge and multi-session rule again, on the Redis store. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = AuthTestApp.SPEC)
@Property(name = "session.middlewares", value = "session,user-bridge,csrf")
@Property(name = "session.max-sessions-per-user", value = "3")
@Property(name = "session.trusted-proxies", value = "127.0.0.1,::1")
@Property(name = "session.csrf.trusted-origins", value = "https://app.example.com")
@Property(name = "micronaut.server.cors.localhost-pass-through", value = "true")
class RedisUserBridgeTest extends UserBridgeTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return RedisServers.storeProperties("bridge");
    }
}
