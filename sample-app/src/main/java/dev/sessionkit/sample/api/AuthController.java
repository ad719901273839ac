package dev.sessionkit.sample.api;

import dev.sessionkit.sample.api.Views.SignedIn;
import dev.sessionkit.sample.api.Views.UserView;
import dev.sessionkit.sample.auth.SignIns;
import dev.sessionkit.sample.auth.User;
import dev.sessionkit.sample.shop.ShopSessions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
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
            @Nullable String email,
            @Nullable String password,
            @Nullable String label,
            @Nullable String transport) {}

    /**
     * @param email the email
     * @param password the password
     * @param name the display name
     */
    @Serdeable
    record SignUp(
            @Nullable String email,
            @Nullable String password,
            @Nullable String name) {}

    private final SignIns signIns;
    private final ShopSessions sessions;

    AuthController(SignIns signIns, ShopSessions sessions) {
        this.signIns = signIns;
        this.sessions = sessions;
    }

    @Post("/sign-in")
    HttpResponse<ApiResponse<SignedIn>> signIn(HttpRequest<?> request, @Body SignIn body) {
        SignIns.Outcome outcome = signIns.signIn(signIns.address(request), body.email(), body.password(), body.label());
        if (outcome instanceof SignIns.Accepted accepted) {
            User user = accepted.user();
            return HttpResponse.ok(ApiResponse.ok(signIn(user, body.label(), "bearer".equals(body.transport()))));
        }
        return refused((SignIns.Refused) outcome);
    }

    @Post("/sign-up")
    HttpResponse<ApiResponse<String>> signUp(HttpRequest<?> request, @Body SignUp body) {
        SignIns.Outcome outcome = signIns.signUp(signIns.address(request), body.email(), body.password(), body.name());
        if (outcome instanceof SignIns.Refused refused) {
            return refused(refused);
        }
        return HttpResponse.ok(ApiResponse.ok(SignIns.SIGNED_UP));
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
        return new SignedIn(UserView.of(user), token);
    }

    static <T> MutableHttpResponse<ApiResponse<T>> refused(SignIns.Refused refused) {
        MutableHttpResponse<ApiResponse<T>> response = HttpResponse.<ApiResponse<T>>status(
                        HttpStatus.valueOf(refused.status()))
                .body(ApiResponse.error(refused.message()));
        return refused.retryAfterSeconds() > 0
                ? response.header("Retry-After", Long.toString(refused.retryAfterSeconds()))
                : response;
    }
}
