package dev.sessionkit.user;

import dev.sessionkit.session.Session;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** An app whose users' roles live in one directory that every instance in this JVM reads, as a database would be. */
final class UserChangesApp {

    static final String SPEC = "UserChanges";

    /** The user directory: user id to roles; absent is a disabled account. */
    static final Map<String, Set<String>> DIRECTORY = new ConcurrentHashMap<>();

    private UserChangesApp() {}

    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class Directory implements SessionUserResolver {
        @Override
        public CompletionStage<AuthContext> resolve(String userId, HttpRequest<?> request) {
            Set<String> roles = DIRECTORY.get(userId);
            return CompletableFuture.completedFuture(
                    roles == null ? null : new AuthContext(userId, userId, roles, Set.of(), Map.of(), "session"));
        }
    }

    @Controller("/uc")
    @Requires(property = "spec.name", value = SPEC)
    static class Pages {
        @Post("/sign-in")
        String signIn(Session session, @QueryValue String user) {
            session.signIn(user, null);
            return "signed in";
        }

        @Get("/admin")
        @RequiresRoles("admin")
        String admin() {
            return "admin";
        }

        @Get("/member")
        @RequiresUser
        String member() {
            return "member";
        }
    }
}
