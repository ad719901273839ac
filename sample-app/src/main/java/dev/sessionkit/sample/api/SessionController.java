package dev.sessionkit.sample.api;

import dev.sessionkit.sample.api.Views.CurrentSession;
import dev.sessionkit.sample.api.Views.SessionView;
import dev.sessionkit.sample.api.Views.UserView;
import dev.sessionkit.sample.auth.UserDirectory;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionDetails;
import dev.sessionkit.user.AuthContext;
import dev.sessionkit.user.RequiresUser;
import dev.sessionkit.user.UserSessions;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The current session and the signed-in user. */
@Controller("/api")
final class SessionController {

    private final UserSessions userSessions;
    private final UserDirectory users;

    SessionController(UserSessions userSessions, UserDirectory users) {
        this.userSessions = userSessions;
        this.users = users;
    }

    /** {@code data} is null unless someone is signed in: a guest's cart session is nobody. */
    @Get("/session")
    ApiResponse<CurrentSession> session(Session session) {
        return ApiResponse.ok(session.meta()
                .filter(meta -> meta.userId() != null)
                .flatMap(meta -> users.find(meta.userId())
                        .map(user -> new CurrentSession(
                                UserView.of(user),
                                new SessionView(meta.id(), meta.userId(), meta.createdAt(), meta.expiresAt()))))
                .orElse(null));
    }

    /** The user context the bridge found: 401 without a signed-in user. */
    @Get("/user/me")
    HttpResponse<ApiResponse<UserView>> me(AuthContext user) {
        return users.find(user.subject())
                .map(found -> HttpResponse.ok(ApiResponse.ok(UserView.of(found))))
                .orElseGet(() -> HttpResponse.status(HttpStatus.UNAUTHORIZED));
    }

    // tag::sessions[]
    /** Where the user is signed in. */
    @Get("/sessions")
    @RequiresUser
    CompletionStage<ApiResponse<List<SessionDetails>>> sessions(Session session) {
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
    // end::sessions[]
}
