package dev.sessionkit.security.app;

import dev.sessionkit.session.Session;
import dev.sessionkit.user.RequiresRoles;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.utils.SecurityService;
import java.security.Principal;
import java.util.TreeSet;

/** A small app guarded by micronaut-security, signed in by SessionKit. */
@Controller
class SecuredController {

    private final SecurityService security;

    SecuredController(SecurityService security) {
        this.security = security;
    }

    // tag::secured[]
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/sign-in/{user}")
    String signIn(@PathVariable String user, Session session) {
        // Check the password here; SessionKit keeps who signed in, micronaut-security guards routes.
        session.signIn(user, "web");
        return "signed in";
    }

    @Secured("admin")
    @Get("/admin")
    String admin(Principal principal) {
        return "admin page for " + principal.getName();
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/me")
    String me(Authentication user) {
        return user.getName() + " " + new TreeSet<>(user.getRoles()) + " "
                + user.getAttributes().get("name");
    }
    // end::secured[]

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/service")
    String service() {
        return security.username().orElse("?") + " admin=" + security.hasRole("admin");
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @RequiresRoles("admin")
    @Get("/kit-admin")
    String kitAdmin() {
        return "SessionKit's guard let you in";
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/sign-out")
    String signOut(Session session) {
        session.destroy();
        return "signed out";
    }
}
