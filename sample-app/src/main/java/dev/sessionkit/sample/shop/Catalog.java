package dev.sessionkit.sample.shop;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shop's fixed product list. */
@Singleton
public final class Catalog {

    private final Map<String, Product> products = new LinkedHashMap<>();

    Catalog() {
        add(new Product("tea-green", "Green tea, 100 g", 650));
        add(new Product("tea-black", "Black tea, 100 g", 590));
        add(new Product("mug", "Stoneware mug", 1400));
        add(new Product("kettle", "Gooseneck kettle", 4900));
    }

    /** @return every product, in display order */
    public List<Product> all() {
        return List.copyOf(products.values());
    }

    /**
     * @param sku a product's sku
     * @return the product, if the shop sells it
     */
    public Optional<Product> find(String sku) {
        return Optional.ofNullable(products.get(sku));
    }

    private void add(Product product) {
        products.put(product.sku(), product);
    }
}
