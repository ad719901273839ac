package dev.sessionkit.user;

import dev.sessionkit.session.Session;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Singleton;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An application that names its guards once, in annotations of its own, as Spring's meta-annotated {@code @Secured} does. */
final class ComposedGuardsApp {

    static final String SPEC = "ComposedGuards";

    private ComposedGuardsApp() {}

    /** The application's name for "admins only". */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @RequiresRoles("admin")
    @interface AdminOnly {}

    /** The application's name for "support staff only". */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @RequiresRoles("support")
    @interface SupportOnly {}

    /** The application's name for "signed in". */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @RequiresUser
    @interface SignedIn {}

    /** Two levels deep: an annotation carrying the application's own. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @AdminOnly
    @interface BackOffice {}

    /** alice is an admin, carol is support, anyone else has no role. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class Users implements SessionUserResolver {
        @Override
        public CompletionStage<AuthContext> resolve(String userId, HttpRequest<?> request) {
            Set<String> roles = switch (userId) {
                case "alice" -> Set.of("admin");
                case "carol" -> Set.of("support");
                default -> Set.of();
            };
            return CompletableFuture.completedFuture(
                    new AuthContext(userId, userId, roles, Set.of(), Map.of(), "session"));
        }
    }

    @Controller("/composed")
    @Requires(property = "spec.name", value = SPEC)
    static class MethodLevel {
        @Post("/sign-in")
        String signIn(Session session, @QueryValue String user) {
            session.signIn(user, null);
            return "signed in";
        }

        @Get("/admin")
        @AdminOnly
        String admin() {
            return "admin ok";
        }

        @Get("/back-office")
        @BackOffice
        String backOffice() {
            return "back office ok";
        }

        @Get("/member")
        @SignedIn
        String member() {
            return "member ok";
        }

        @Get("/staff")
        @AdminOnly
        @SupportOnly
        String staff() {
            return "staff ok";
        }

        @Get("/either")
        @RequiresRoles("admin")
        @RequiresRoles("support")
        String either() {
            return "either ok";
        }

        @Get("/public")
        String open() {
            return "public ok";
        }
    }

    @Controller("/composed-class")
    @Requires(property = "spec.name", value = SPEC)
    @AdminOnly
    static class ClassLevel {
        @Get("/report")
        String report() {
            return "report ok";
        }

        @Get("/support-too")
        @SupportOnly
        String supportToo() {
            return "support too ok";
        }
    }
}
