package dev.sessionkit.sample.auth;

import dev.sessionkit.user.AuthContext;
import dev.sessionkit.user.SessionUserResolver;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

// tag::resolver[]
/** Turns a signed-in session's user id into the shop's user context, from the user directory. */
@Singleton
final class ShopUserResolver implements SessionUserResolver {

    private final UserDirectory users;

    ShopUserResolver(UserDirectory users) {
        this.users = users;
    }

    @Override
    public CompletionStage<AuthContext> resolve(String userId, HttpRequest<?> request) {
        AuthContext context = users.find(userId)
                .map(user -> new AuthContext(
                        user.id(),
                        user.name(),
                        Set.of(user.role()),
                        Set.of(),
                        Map.of("email", user.email()),
                        "session"))
                .orElse(null);
        return CompletableFuture.completedFuture(context);
    }
}
// end::resolver[]
