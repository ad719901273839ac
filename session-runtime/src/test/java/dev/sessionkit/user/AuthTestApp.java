package dev.sessionkit.user;

import dev.sessionkit.config.SessionTransport;
import dev.sessionkit.http.CsrfTokens;
import dev.sessionkit.http.SessionTransports;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionDetails;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** The beans of a small app that signs users in and guards routes, for the user-bridge tests. */
final class AuthTestApp {

    static final String SPEC = "AuthTest";

    private AuthTestApp() {}

    /** Users and their roles, as a user repository would have them; counts look-ups. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class Users implements SessionUserResolver {
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public CompletionStage<AuthContext> resolve(String userId, HttpRequest<?> request) {
            lookups.incrementAndGet();
            Set<String> roles = userId.equals("alice") ? Set.of("admin") : Set.of();
            return CompletableFuture.completedFuture(
                    new AuthContext(userId, userId.toUpperCase(), roles, Set.of(), Map.of(), "session"));
        }
    }

    /** An external auth service's tokens. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class ExternalTokens implements TokenVerifier {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public CompletionStage<AuthContext> verify(String token, io.micronaut.http.HttpHeaders headers) {
            checks.incrementAndGet();
            AuthContext context = null;
            if (token.equals("ext-token-123")) {
                context = AuthContext.of("ext-user", "external");
            } else if (token.equals("throws-000")) {
                throw new IllegalStateException("the auth service is down");
            } else if (token.equals("null-claim-000")) {
                Map<String, Object> claims = new java.util.HashMap<>();
                claims.put("team", null);
                context = new AuthContext("odd", null, Set.of(), Set.of(), claims, "external");
            } else if (token.equals("one-shot-789")) {
                context = AuthContext.of("one-shot", "external");
            } else if (token.equals("ext-cookie-456") && "shop".equals(headers.get("X-Tenant"))) {
                Map<String, Object> claims = Map.of("plan", Map.of("tier", "gold", "seats", 5), "verified", true);
                context = new AuthContext("cookie-user", null, Set.of("admin"), Set.of(), claims, "external");
            }
            return CompletableFuture.completedFuture(context);
        }

        @Override
        public String cookieName() {
            return "ext_session";
        }

        @Override
        public java.time.Duration cacheTtl(AuthContext context) {
            return context.subject().equals("one-shot") ? java.time.Duration.ZERO : null;
        }
    }

    @Controller("/auth")
    @Requires(property = "spec.name", value = SPEC)
    static class AuthController {
        private final UserSessions sessions;
        private final CsrfTokens csrf;

        AuthController(UserSessions sessions, CsrfTokens csrf) {
            this.sessions = sessions;
            this.csrf = csrf;
        }

        @Post("/sign-in")
        String signIn(Session session, @QueryValue String user, @Nullable @QueryValue String label) {
            session.put("cart", "[mug]");
            session.signIn(user, label);
            return session.id();
        }

        @Post("/sign-in-api")
        String signInApi(Session session, @QueryValue String user) {
            session.signIn(user, "api");
            return session.issueBearerToken();
        }

        @Get("/me")
        String me(AuthContext user) {
            return user.subject() + " " + user.roles() + " " + user.type();
        }

        @Get("/claims")
        Map<String, Object> claims(AuthContext user) {
            return user.claims();
        }

        @Get("/maybe")
        String maybe(@Nullable AuthContext user) {
            return user == null ? "anonymous" : user.subject();
        }

        @Get("/admin")
        @RequiresRoles("admin")
        String admin() {
            return "admin ok";
        }

        @Get("/member")
        @RequiresUser
        String member() {
            return "member ok";
        }

        @Get("/cookie-only")
        @SessionTransports(SessionTransport.COOKIE)
        String cookieOnly(Session session) {
            return Boolean.toString(session.exists());
        }

        @Get("/cart")
        String cart(Session session) {
            return session.getJson("cart");
        }

        @Post("/write")
        String write(Session session) {
            session.put("x", "1");
            return "written";
        }

        @Get("/csrf")
        String csrfToken(Session session) {
            return csrf.token(session);
        }

        @Post("/form")
        HttpResponse<String> form(Session session, @Nullable @QueryValue("_csrf") String token) {
            return csrf.verify(session, token)
                    ? HttpResponse.ok("accepted")
                    : HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN);
        }

        @Get("/sessions")
        CompletionStage<List<SessionDetails>> list(Session session) {
            return sessions.list(session);
        }

        @Delete("/sessions/{id}")
        CompletionStage<Boolean> revoke(Session session, String id) {
            return sessions.revoke(session, id);
        }

        @Post("/sessions/revoke-others")
        CompletionStage<Integer> revokeOthers(Session session) {
            return sessions.revokeOthers(session);
        }

        @Post("/sessions/revoke-all")
        CompletionStage<Integer> revokeAll(Session session) {
            return sessions.revokeAll(session);
        }
    }
}
