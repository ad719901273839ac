package dev.sessionkit.sample.api;

import dev.sessionkit.sample.auth.User;
import dev.sessionkit.session.ServerSessions;
import dev.sessionkit.user.RequiresRoles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.concurrent.CompletionStage;

/** Every session in the shop, a page at a time, for staff. */
@Controller("/api/admin")
@RequiresRoles(User.ADMIN)
final class AdminController {

    private final ServerSessions sessions;

    AdminController(ServerSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * @param cursor the previous page's {@code next}, or none for the first page
     * @param user only this user's sessions
     * @param limit how many sessions a page holds at most, about
     */
    @Get("/sessions")
    CompletionStage<ApiResponse<ServerSessions.Page>> sessions(
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue String user,
            @QueryValue(defaultValue = "50") int limit) {
        return sessions.list(user, cursor, Math.max(1, Math.min(limit, 200))).thenApply(ApiResponse::ok);
    }

    /** Signs any session out by its public id: 404 when there is no such session. */
    @Delete("/sessions/{id}")
    CompletionStage<HttpResponse<ApiResponse<Boolean>>> revoke(String id) {
        return sessions.destroyById(id)
                .thenApply(ended -> ended
                        ? HttpResponse.ok(ApiResponse.ok(true))
                        : HttpResponse.<ApiResponse<Boolean>>notFound().body(ApiResponse.error("No such session")));
    }
}
