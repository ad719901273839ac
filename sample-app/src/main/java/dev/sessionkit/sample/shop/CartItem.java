package dev.sessionkit.sample.shop;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One line of a cart.
 *
 * @param sku the product
 * @param title its name, as shown
 * @param quantity how many
 * @param priceCents the unit price in cents
 */
@Serdeable
public record CartItem(String sku, String title, int quantity, long priceCents) {}
