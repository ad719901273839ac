package dev.sessionkit.security.app;

import dev.sessionkit.user.AuthContext;
import dev.sessionkit.user.SessionUserResolver;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The app's users: ada is an admin, bob a customer; nobody else exists. */
@Singleton
class Users implements SessionUserResolver {

    @Override
    public CompletionStage<AuthContext> resolve(String userId, HttpRequest<?> request) {
        AuthContext user = switch (userId) {
            case "ada" -> new AuthContext("ada", "Ada", Set.of("admin"), Set.of(), Map.of("plan", "gold"), "session");
            case "bob" -> new AuthContext("bob", "Bob", Set.of("customer"), Set.of(), Map.of(), "session");
            default -> null;
        };
        return CompletableFuture.completedFuture(user);
    }
}
