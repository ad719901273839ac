package example;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

@Controller
public class VisitController {

    private final Visits visits;

    VisitController(Visits visits) {
        this.visits = visits;
    }

    @Get("/state")
    String state() {
        return visits.get()
                .map(v -> v.visits() + "|" + v.level() + "|"
                        + v.cart().stream().map(i -> i.sku() + ":" + i.qty()).collect(Collectors.joining(",")) + "|"
                        + String.join(",", v.tags()) + "|" + v.coupon())
                .orElse("none");
    }

    @Post("/visits/{n}")
    String visits(int n) {
        visits.update(v -> v.withVisits(n));
        return state();
    }

    @Post("/level/{value}")
    String level(String value) {
        visits.update(v -> v.withLevel(value));
        return state();
    }

    @Post("/cart/{sku}/{qty}")
    String add(String sku, int qty) {
        visits.update(v -> {
            List<CartItem> cart = new ArrayList<>(v.cart());
            cart.add(new CartItem(sku, qty));
            return v.withCart(cart);
        });
        return state();
    }

    @Post("/cart/clear")
    String clear() {
        visits.update(v -> v.withCart(List.of()));
        return state();
    }

    @Post("/tags/{csv}")
    String tags(String csv) {
        visits.update(v -> v.withTags(csv.equals("-") ? List.of() : List.of(csv.split(","))));
        return state();
    }

    @Post("/coupon/{code}")
    String coupon(String code) {
        visits.update(v -> v.withCoupon(code));
        return state();
    }
}
