package dev.sessionkit.test.app;

import dev.sessionkit.user.AuthContext;
import dev.sessionkit.user.SessionUserResolver;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The test app's own users: only "dora" exists, with the role "staff". */
@Singleton
class StaffResolver implements SessionUserResolver {

    @Override
    public CompletionStage<AuthContext> resolve(String userId, HttpRequest<?> request) {
        AuthContext context = userId.equals("dora")
                ? new AuthContext("dora", "Dora", Set.of("staff"), Set.of(), Map.of(), "session")
                : null;
        return CompletableFuture.completedFuture(context);
    }
}
