package dev.sessionkit.sample.auth;

import dev.sessionkit.http.ClientView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The one path to checking credentials, for the JSON API and the HTML forms alike: bounds first,
 * then the throttle, then at most a bounded number of bcrypt hashes at a time.
 */
@Singleton
public final class SignIns {

    /** What became of an attempt. */
    public sealed interface Outcome permits Accepted, Refused {}

    /**
     * @param user the signed-in user; null after a sign-up, which signs nobody in
     */
    public record Accepted(@Nullable User user) implements Outcome {}

    /**
     * @param status the HTTP status to answer
     * @param message what to tell the person
     * @param retryAfterSeconds for a 429, when to try again; else 0
     * @param field the form field at fault, or null when it is the attempt as a whole
     */
    public record Refused(
            int status,
            String message,
            long retryAfterSeconds,
            @Nullable String field) implements Outcome {}

    /** Said after every accepted sign-up, new email or not. */
    public static final String SIGNED_UP = "If that email was new, its account is ready: sign in with it";

    private static final Refused BUSY = new Refused(429, "Too many sign-ins right now; try again shortly", 1, null);
    private static final Refused WRONG = new Refused(401, "Invalid email or password", 0, null);

    private final UserDirectory users;
    private final SignInThrottle throttle;
    private final ClientView client;

    SignIns(UserDirectory users, SignInThrottle throttle, ClientView client) {
        this.users = users;
        this.throttle = throttle;
        this.client = client;
    }

    /**
     * The address attempts are counted against: the one the session library records, so behind
     * a trusted proxy ({@code session.trusted-proxies}) each client is throttled, not the proxy.
     *
     * @param request the sign-in or sign-up request
     * @return the client's address, or {@code "unknown"}
     */
    public String address(HttpRequest<?> request) {
        String address = client.address(request);
        return address == null ? "unknown" : address;
    }

    /**
     * @param address the client's address
     * @return {@link Accepted} with the user, or why not
     */
    public Outcome signIn(String address, @Nullable String email, @Nullable String password, @Nullable String label) {
        Credentials.Problem problem = Credentials.signInProblem(email, password, label);
        if (problem != null) {
            return new Refused(400, problem.message(), 0, problem.field());
        }
        String account = UserDirectory.normalize(email);
        long wait = throttle.retryAfter(address, account);
        if (wait > 0) {
            return new Refused(429, "Too many failed sign-ins; try again in " + wait + " s", wait, null);
        }
        if (!throttle.startHashing()) {
            return BUSY;
        }
        Optional<User> user;
        try {
            user = users.check(account, password);
        } finally {
            throttle.endHashing();
        }
        if (user.isEmpty()) {
            throttle.failed(address, account);
            return WRONG;
        }
        return new Accepted(user.get());
    }

    /**
     * Registers an account. The answer is the same whether or not the email was already taken,
     * and nobody is signed in, so sign-up never tells who has an account.
     *
     * @param address the client's address
     * @return {@link Accepted} without a user, or why not
     */
    public Outcome signUp(String address, @Nullable String email, @Nullable String password, @Nullable String name) {
        Credentials.Problem problem = Credentials.signUpProblem(email, password, name);
        if (problem != null) {
            return new Refused(400, problem.message(), 0, problem.field());
        }
        long wait = throttle.signUpRetryAfter(address);
        if (wait > 0) {
            return new Refused(429, "Too many sign-ups; try again in " + wait + " s", wait, null);
        }
        if (!throttle.startHashing()) {
            return BUSY;
        }
        try {
            throttle.signedUp(address);
            users.signUp(email, password, name);
        } finally {
            throttle.endHashing();
        }
        return new Accepted(null);
    }
}
