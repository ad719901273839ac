package dev.sessionkit.test.app;

import dev.sessionkit.session.Session;
import dev.sessionkit.user.AuthContext;
import dev.sessionkit.user.RequiresRoles;
import dev.sessionkit.user.RequiresUser;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.util.List;
import java.util.TreeSet;

/** A small app to test the kit against: a basket anyone fills, a page for users, one for admins. */
@Controller
class TestAppController {

    private final BasketService baskets;

    TestAppController(BasketService baskets) {
        this.baskets = baskets;
    }

    @RequiresUser
    @Get("/whoami")
    String whoami(AuthContext user) {
        return user.subject() + " " + new TreeSet<>(user.roles());
    }

    @RequiresRoles("admin")
    @Get("/admin")
    String admin(AuthContext user) {
        return "admin page for " + user.subject();
    }

    @Get("/basket")
    List<String> basket() {
        return baskets.items();
    }

    @Post("/basket/{item}")
    List<String> add(@PathVariable String item) {
        baskets.add(item);
        return baskets.items();
    }

    @Post("/sign-out")
    String signOut(Session session) {
        session.destroy();
        return "signed out";
    }
}
