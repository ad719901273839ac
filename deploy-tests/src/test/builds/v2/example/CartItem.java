package example;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

// tag::component[]
@Serdeable
public record CartItem(String sku, int qty, @Nullable String note) {}
// end::component[]
