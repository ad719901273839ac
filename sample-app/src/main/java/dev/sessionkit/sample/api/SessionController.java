package dev.sessionkit.sample.api;

import dev.sessionkit.sample.api.Views.CurrentSession;
import dev.sessionkit.sample.api.Views.SessionView;
import dev.sessionkit.sample.api.Views.UserView;
import dev.sessionkit.sample.shop.ShopSessions;
import dev.sessionkit.session.Session;
import dev.sessionkit.user.AuthContext;
import dev.sessionkit.user.RequiresUser;
import dev.sessionkit.user.SessionInfo;
import dev.sessionkit.user.UserSessions;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The current session and the signed-in user. */
@Controller("/api")
final class SessionController {

    private final ShopSessions sessions;
    private final UserSessions userSessions;

    SessionController(ShopSessions sessions, UserSessions userSessions) {
        this.sessions = sessions;
        this.userSessions = userSessions;
    }

    /** {@code data} is null without a session. */
    @Get("/session")
    ApiResponse<CurrentSession> session(Session session) {
        return ApiResponse.ok(sessions.get()
                .map(shop -> new CurrentSession(
                        UserView.of(shop),
                        new SessionView(session.id(), session.expiresAt().orElse(null))))
                .orElse(null));
    }

    /** The user context the bridge found: 401 without a signed-in user. */
    @Get("/user/me")
    ApiResponse<UserView> me(AuthContext user) {
        return ApiResponse.ok(new UserView(user.subject(), user.claims().get("email"), user.name()));
    }

    /** Where the user is signed in. */
    @Get("/sessions")
    @RequiresUser
    CompletionStage<ApiResponse<List<SessionInfo>>> sessions(Session session) {
        return userSessions.list(session).thenApply(ApiResponse::ok);
    }

    /** Signs one of the user's sessions out. */
    @Delete("/sessions/{id}")
    @RequiresUser
    CompletionStage<HttpResponse<ApiResponse<Boolean>>> revoke(Session session, String id) {
        return userSessions
                .revoke(session, id)
                .thenApply(revoked -> revoked
                        ? HttpResponse.ok(ApiResponse.ok(true))
                        : HttpResponse.<ApiResponse<Boolean>>notFound()
                                .body(ApiResponse.error("No such session of yours")));
    }

    /** Signs every other session of the user out. */
    @Post("/sessions/revoke-others")
    @RequiresUser
    CompletionStage<ApiResponse<Integer>> revokeOthers(Session session) {
        return userSessions.revokeOthers(session).thenApply(ApiResponse::ok);
    }
}
