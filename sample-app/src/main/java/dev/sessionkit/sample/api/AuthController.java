package dev.sessionkit.sample.api;

import dev.sessionkit.sample.api.Views.SignedIn;
import dev.sessionkit.sample.api.Views.UserView;
import dev.sessionkit.sample.auth.User;
import dev.sessionkit.sample.auth.UserDirectory;
import dev.sessionkit.sample.shop.ShopSessions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/** Sign-up, sign-in and sign-out; password hashing runs off the event loop. */
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuthController {

    /**
     * @param email the email
     * @param password the password
     * @param label a name for this session in the session list, optional
     * @param transport {@code bearer} to get a token in the answer instead of a cookie
     */
    @Serdeable
    record SignIn(
            String email,
            String password,
            @Nullable String label,
            @Nullable String transport) {}

    /**
     * @param email the email
     * @param password the password
     * @param name the display name
     */
    @Serdeable
    record SignUp(String email, String password, String name) {}

    private final UserDirectory users;
    private final ShopSessions sessions;

    AuthController(UserDirectory users, ShopSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Post("/sign-in")
    HttpResponse<ApiResponse<SignedIn>> signIn(@Body SignIn body) {
        return users.check(body.email(), body.password())
                .map(user ->
                        HttpResponse.ok(ApiResponse.ok(signIn(user, body.label(), "bearer".equals(body.transport())))))
                .orElseGet(() -> HttpResponse.<ApiResponse<SignedIn>>status(HttpStatus.UNAUTHORIZED)
                        .body(ApiResponse.error("Invalid email or password")));
    }

    @Post("/sign-up")
    HttpResponse<ApiResponse<SignedIn>> signUp(@Body SignUp body) {
        try {
            User user = users.signUp(body.email(), body.password(), body.name());
            return HttpResponse.ok(ApiResponse.ok(signIn(user, null, false)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.<ApiResponse<SignedIn>>badRequest().body(ApiResponse.error(e.getMessage()));
        }
    }

    @Post("/sign-out")
    ApiResponse<Void> signOut() {
        sessions.destroy();
        return ApiResponse.ok(null);
    }

    /** A new token for the signed-in session (no fixation); a guest's cart comes along. */
    private SignedIn signIn(User user, @Nullable String label, boolean bearer) {
        sessions.signIn(user.id(), label);
        sessions.update(s -> s.withUserId(user.id()).withName(user.name()).withEmail(user.email()));
        String token = bearer ? sessions.issueBearerToken() : null;
        return new SignedIn(new UserView(user.id(), user.email(), user.name()), token);
    }
}
