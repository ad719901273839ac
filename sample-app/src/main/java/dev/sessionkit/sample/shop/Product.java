package dev.sessionkit.sample.shop;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Something the shop sells.
 *
 * @param sku its stock-keeping unit
 * @param title its name
 * @param priceCents its price in cents
 */
@Serdeable
public record Product(String sku, String title, long priceCents) {}
