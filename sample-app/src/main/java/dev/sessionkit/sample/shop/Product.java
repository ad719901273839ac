package dev.sessionkit.sample.shop;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Something the shop sells.
 *
 * @param sku its stock-keeping unit, also the name of its picture
 * @param title its name
 * @param description a line about it
 * @param priceCents its price in cents
 */
@Serdeable
public record Product(String sku, String title, String description, long priceCents) {

    /** @return the address of its picture, an SVG shipped in the jar */
    public String picture() {
        return pictureOf(sku);
    }

    /** @return the address of the picture of the product {@code sku}, as a cart line shows it */
    public static String pictureOf(String sku) {
        return "/assets/products/" + sku + ".svg";
    }
}
