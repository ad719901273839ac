package dev.sessionkit.sample.shop;

import java.util.ArrayList;
import java.util.List;

/** Cart arithmetic shared by the JSON API and the pages: carts are immutable lists of lines. */
public final class Carts {

    /** The most of one product a cart holds. */
    public static final int MAX_QUANTITY = 99;

    private Carts() {}

    /**
     * @return {@code cart} with {@code quantity} more of {@code product} (capped at {@link
     *     #MAX_QUANTITY}), merged into its line when it has one
     */
    public static List<CartItem> added(List<CartItem> cart, Product product, int quantity) {
        for (CartItem item : cart) {
            if (item.sku().equals(product.sku())) {
                return withQuantity(cart, product.sku(), item.quantity() + quantity);
            }
        }
        List<CartItem> result = new ArrayList<>(cart);
        result.add(
                new CartItem(product.sku(), product.title(), Math.min(quantity, MAX_QUANTITY), product.priceCents()));
        return List.copyOf(result);
    }

    /** @return {@code cart} with the line for {@code sku} set to {@code quantity}; 0 or less removes it */
    public static List<CartItem> withQuantity(List<CartItem> cart, String sku, int quantity) {
        List<CartItem> result = new ArrayList<>(cart.size());
        for (CartItem item : cart) {
            if (!item.sku().equals(sku)) {
                result.add(item);
            } else if (quantity > 0) {
                result.add(new CartItem(item.sku(), item.title(), Math.min(quantity, MAX_QUANTITY), item.priceCents()));
            }
        }
        return List.copyOf(result);
    }

    /** @return the sum of the lines' prices, in cents */
    public static long totalCents(List<CartItem> cart) {
        long total = 0;
        for (CartItem item : cart) {
            total += item.priceCents() * item.quantity();
        }
        return total;
    }

    /** @return how many items, counting quantities */
    public static int count(List<CartItem> cart) {
        int count = 0;
        for (CartItem item : cart) {
            count += item.quantity();
        }
        return count;
    }
}
