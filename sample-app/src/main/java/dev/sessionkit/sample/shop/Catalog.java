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
        add(new Product("tea-green", "Green tea, 100 g", "Sencha from Shizuoka: grassy, bright, a little sweet.", 650));
        add(new Product("tea-black", "Black tea, 100 g", "A malty Assam breakfast blend that takes milk well.", 590));
        add(new Product(
                "tea-oolong", "Oolong tea, 100 g", "Rolled Tieguanyin with an orchid finish; steeps five times.", 890));
        add(new Product("mug", "Stoneware mug", "Hand-glazed, 350 ml, keeps its heat through a long read.", 1400));
        add(new Product("infuser", "Steel infuser", "A fine mesh basket that fits every mug and pot we sell.", 750));
        add(new Product(
                "kettle",
                "Gooseneck kettle",
                "One litre, steady pour, for green tea at 75 °C or black at 95 °C.",
                4900));
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
