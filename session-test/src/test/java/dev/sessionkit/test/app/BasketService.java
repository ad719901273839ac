package dev.sessionkit.test.app;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Code that injects a generated accessor: what FakeSession lets a unit test reach. */
@Singleton
public class BasketService {

    private final Baskets baskets;

    public BasketService(Baskets baskets) {
        this.baskets = baskets;
    }

    /** Adds an item, losing no overlapping request's. */
    public void add(String item) {
        baskets.update(basket -> {
            List<String> items = new ArrayList<>(basket.items());
            items.add(item);
            return basket.withItems(items);
        });
    }

    /** @return the items; none without a session */
    public List<String> items() {
        return baskets.get().map(Basket::items).orElse(List.of());
    }
}
