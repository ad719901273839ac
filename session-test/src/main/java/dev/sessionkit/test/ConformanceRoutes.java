package dev.sessionkit.test;

import dev.sessionkit.session.Session;
import dev.sessionkit.user.UserSessions;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Sign-in, sign-out, a guest write, a guarded read and revocation, written the way an app writes
 * them with SessionKit, for {@link SessionKitConformance} to drive through the app's own
 * middleware chain, store and settings. They exist only in a test context that sets {@value
 * #ENABLED}, which that class does; the test kit is never on a production classpath.
 */
@Controller(ConformanceRoutes.BASE)
@Requires(property = ConformanceRoutes.ENABLED, value = "true")
final class ConformanceRoutes {

    /** The property that turns the routes on. */
    static final String ENABLED = "sessionkit.test.conformance-routes";
    /** Where the routes live. */
    static final String BASE = "/_sessionkit/conformance";

    private static final String ITEMS = "conformance-items";
    private static final Argument<List<String>> LIST = Argument.listOf(String.class);

    private final UserSessions userSessions;

    ConformanceRoutes(UserSessions userSessions) {
        this.userSessions = userSessions;
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    String signIn(@Body("user") String user, @Body("label") @Nullable String label, Session session) {
        session.signIn(user, label);
        return "signed in";
    }

    @Post("/sign-out")
    String signOut(Session session) {
        session.destroy();
        return "signed out";
    }

    @Post("/guest")
    String guest(Session session) {
        Integer visits = session.get("conformance-visits", Integer.class).orElse(0);
        session.put("conformance-visits", visits + 1);
        return "noted";
    }

    /** Appends an item with {@code update}, so overlapping requests on one session lose none. */
    @Post("/append")
    String append(@QueryValue String item, Session session) {
        session.update(() -> {
            List<String> items = new ArrayList<>(session.get(ITEMS, LIST).orElse(List.of()));
            items.add(item);
            session.put(ITEMS, LIST, items);
        });
        return "appended";
    }

    @Get("/items")
    List<String> items(Session session) {
        return session.exists() ? session.get(ITEMS, LIST).orElse(List.of()) : List.of();
    }

    @Get("/me")
    HttpResponse<String> me(Session session) {
        return session.userId() == null ? HttpResponse.unauthorized() : HttpResponse.ok(session.userId());
    }

    @Delete("/sessions/{id}")
    CompletionStage<HttpResponse<String>> revoke(@PathVariable String id, Session session) {
        return userSessions
                .revoke(session, id)
                .thenApply(revoked -> revoked ? HttpResponse.ok("revoked") : HttpResponse.notFound());
    }
}
