package dev.sessionkit.sample.web;

import dev.sessionkit.sample.auth.SignIns;
import dev.sessionkit.sample.auth.User;
import dev.sessionkit.sample.auth.UserDirectory;
import dev.sessionkit.sample.shop.ShopSessions;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SignInLifetime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Sign in, sign up and sign out. A refused form comes back with what was typed (never the
 * password) and the problem next to its field.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING) // bcrypt
final class AuthPages {

    /** Where a sign-in may send the visitor on: local pages only, never an address from outside. */
    private static final Set<String> NEXT = Set.of("/", "/cart", "/account");

    private static final Html.Input EMAIL = new Html.Input("email", "Email", "email", "username", true);
    private static final Html.Input PASSWORD =
            new Html.Input("password", "Password", "password", "current-password", true);
    private static final Html.Input NEW_PASSWORD =
            new Html.Input("password", "Password", "password", "new-password", true);
    private static final Html.Input LABEL = new Html.Input("label", "Name this device", "text", "off", false);
    private static final String REMEMBER = "remember";
    private static final Duration KEEP_SIGNED_IN = Duration.ofDays(30);
    private static final Html.Input NAME = new Html.Input("name", "Your name", "text", "name", true);

    private final Layout layout;
    private final ShopSessions sessions;
    private final SignIns signIns;

    AuthPages(Layout layout, ShopSessions sessions, SignIns signIns) {
        this.layout = layout;
        this.sessions = sessions;
        this.signIns = signIns;
    }

    @Get("/sign-in{?next}")
    HttpResponse<String> signInForm(Session session, @Nullable @QueryValue String next) {
        return signInPage(HttpStatus.OK, session, Map.of("email", UserDirectory.DEMO_EMAIL), next(next), null);
    }

    @Post("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<String> signIn(HttpRequest<?> request, Session session, @Body Map<String, String> form) {
        if (!layout.verify(session, form.get("_csrf"))) {
            return layout.refused(session);
        }
        SignIns.Outcome outcome =
                signIns.signIn(signIns.address(request), form.get("email"), form.get("password"), form.get("label"));
        if (outcome instanceof SignIns.Refused refused) {
            return retryAfter(
                    signInPage(HttpStatus.valueOf(refused.status()), session, form, next(form.get("next")), refused),
                    refused);
        }
        User user = ((SignIns.Accepted) outcome).user();
        sessions.signIn(user.id(), form.get("label"), lifetime(form.get(REMEMBER)));
        sessions.update(s -> s.withUserId(user.id()).withName(user.name()).withEmail(user.email()));
        layout.flash("Welcome back, " + user.name() + ".");
        return Layout.redirect(next(form.get("next")));
    }

    /**
     * "Keep me signed in": a cookie that lasts, renewed by every visit, up to the absolute
     * lifetime; otherwise one that ends with the browser.
     */
    static SignInLifetime lifetime(@Nullable String remember) {
        return "on".equals(remember) ? SignInLifetime.remember(KEEP_SIGNED_IN) : SignInLifetime.browserSession();
    }

    @Get("/sign-up")
    HttpResponse<String> signUpForm(Session session) {
        return signUpPage(HttpStatus.OK, session, Map.of(), null);
    }

    @Post("/sign-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<String> signUp(HttpRequest<?> request, Session session, @Body Map<String, String> form) {
        if (!layout.verify(session, form.get("_csrf"))) {
            return layout.refused(session);
        }
        SignIns.Outcome outcome =
                signIns.signUp(signIns.address(request), form.get("email"), form.get("password"), form.get("name"));
        if (outcome instanceof SignIns.Refused refused) {
            return retryAfter(signUpPage(HttpStatus.valueOf(refused.status()), session, form, refused), refused);
        }
        layout.flash(SignIns.SIGNED_UP + ".");
        return Layout.redirect("/sign-in");
    }

    @Post("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<String> signOut(Session session, @Body Map<String, String> form) {
        if (!layout.verify(session, form.get("_csrf"))) {
            return layout.refused(session);
        }
        sessions.destroy();
        layout.flash("You are signed out.");
        return Layout.redirect("/");
    }

    private MutableHttpResponse<String> signInPage(
            HttpStatus status,
            Session session,
            Map<String, String> typed,
            String next,
            @Nullable SignIns.Refused refused) {
        String token = layout.token(session);
        String body = "<div class=\"panel narrow\"><form method=\"post\" action=\"/sign-in\" novalidate>"
                + Html.csrfField(token) + "<input type=\"hidden\" name=\"next\" value=\"" + Html.escape(next) + "\">"
                + formError(refused)
                + Html.field(EMAIL, typed.get("email"), fieldError(refused, "email"))
                + Html.field(PASSWORD, null, fieldError(refused, "password"))
                + Html.field(LABEL, typed.get("label"), fieldError(refused, "label"))
                + "<p class=\"hint muted\">The name appears in \"Where you are signed in\" on your account.</p>"
                + Html.checkbox(REMEMBER, "Keep me signed in", "on".equals(typed.get(REMEMBER)))
                + "<p class=\"hint muted\">Otherwise you are signed out when you close the browser.</p>"
                + "<button id=\"sign-in\">Sign in</button></form>"
                + "<p class=\"demo\">Demo account: <strong>" + UserDirectory.DEMO_EMAIL
                + "</strong> with password <strong>"
                + UserDirectory.DEMO_PASSWORD + "</strong>.</p>"
                + "<p>New here? <a href=\"/sign-up\">Create an account</a>.</p></div>";
        return layout.page(status, token, "Sign in", body);
    }

    private MutableHttpResponse<String> signUpPage(
            HttpStatus status, Session session, Map<String, String> typed, @Nullable SignIns.Refused refused) {
        String token = layout.token(session);
        String body = "<div class=\"panel narrow\"><form method=\"post\" action=\"/sign-up\" novalidate>"
                + Html.csrfField(token) + formError(refused)
                + Html.field(NAME, typed.get("name"), fieldError(refused, "name"))
                + Html.field(EMAIL, typed.get("email"), fieldError(refused, "email"))
                + Html.field(NEW_PASSWORD, null, fieldError(refused, "password"))
                + "<p class=\"hint muted\">At least 8 characters.</p>"
                + "<button id=\"sign-up\">Create account</button></form>"
                + "<p>Have an account? <a href=\"/sign-in\">Sign in</a>.</p></div>";
        return layout.page(status, token, "Create an account", body);
    }

    /** A problem with the attempt as a whole (wrong password, too many tries) goes above the form. */
    private static String formError(@Nullable SignIns.Refused refused) {
        return refused == null || refused.field() != null
                ? ""
                : "<p class=\"form-error\" id=\"form-error\" role=\"alert\">" + Html.escape(refused.message())
                        + ".</p>";
    }

    private static @Nullable String fieldError(@Nullable SignIns.Refused refused, String field) {
        if (refused == null || !field.equals(refused.field())) {
            return null;
        }
        String message = refused.message();
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    private static MutableHttpResponse<String> retryAfter(
            MutableHttpResponse<String> response, SignIns.Refused refused) {
        return refused.retryAfterSeconds() > 0
                ? response.header("Retry-After", Long.toString(refused.retryAfterSeconds()))
                : response;
    }

    private static String next(@Nullable String next) {
        return next != null && NEXT.contains(next) ? next : "/account";
    }
}
