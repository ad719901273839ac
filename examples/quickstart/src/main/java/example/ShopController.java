package example;

import dev.sessionkit.user.AuthContext;
import dev.sessionkit.user.RequiresUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/** A cart any visitor can fill, and a sign-in that keeps it. */
@Controller
class ShopController {

    private final Visits visits;

    ShopController(Visits visits) {
        this.visits = visits;
    }

    @Post("/cart")
    List<String> add(@Body Item item) {
        visits.update(visit -> {
            List<String> cart = new ArrayList<>(visit.cart());
            cart.add(item.name());
            return visit.withCart(cart);
        });
        return visits.require().cart();
    }

    @Get("/cart")
    List<String> cart(@Nullable Visit visit) {
        return visit == null ? List.of() : visit.cart();
    }

    // tag::sign-in[]
    @Post("/sign-in")
    String signIn(@Body Credentials credentials) {
        // Check the password against your users here; SessionKit only keeps who signed in.
        visits.signIn(credentials.email(), "web");
        visits.update(visit -> visit.withName(credentials.email()));
        return "Signed in";
    }

    @RequiresUser
    @Get("/me")
    String me(AuthContext user, Visit visit) {
        return user.subject() + " has " + visit.cart().size() + " items";
    }
    // end::sign-in[]

    @Post("/sign-out")
    String signOut() {
        visits.destroy();
        return "Signed out";
    }

    @Serdeable
    record Item(String name) {}

    @Serdeable
    record Credentials(String email, String password) {}
}
