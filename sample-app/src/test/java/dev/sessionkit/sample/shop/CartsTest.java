package dev.sessionkit.sample.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CartsTest {

    private static final Product MUG = new Product("mug", "Mug", "", 1400);
    private static final Product TEA = new Product("tea", "Tea", "", 650);

    @Test
    void addingMergesIntoTheProductsLineAndCapsTheQuantity() {
        List<CartItem> cart = Carts.added(Carts.added(List.of(), MUG, 1), TEA, 2);
        cart = Carts.added(cart, MUG, 1);
        assertEquals(List.of(new CartItem("mug", "Mug", 2, 1400), new CartItem("tea", "Tea", 2, 650)), cart);
        assertEquals(Carts.MAX_QUANTITY, Carts.added(cart, TEA, 500).get(1).quantity());
    }

    @Test
    void settingAQuantityOfZeroRemovesTheLine() {
        List<CartItem> cart = Carts.added(Carts.added(List.of(), MUG, 1), TEA, 2);
        assertEquals(List.of(new CartItem("tea", "Tea", 2, 650)), Carts.withQuantity(cart, "mug", 0));
        assertEquals(7, Carts.withQuantity(cart, "tea", 7).get(1).quantity());
        assertEquals(cart, Carts.withQuantity(cart, "unknown", 3));
    }

    @Test
    void totalsCountQuantities() {
        List<CartItem> cart = Carts.added(Carts.added(List.of(), MUG, 1), TEA, 2);
        assertEquals(2700, Carts.totalCents(cart));
        assertEquals(3, Carts.count(cart));
        assertEquals(0, Carts.totalCents(List.of()));
    }
}
