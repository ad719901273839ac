package example;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record CartItem(String sku, int qty) {}
