package example;

import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

// tag::schema[]
@SessionSchema
public interface Visit {
    int visits();

    @Nullable
    String level();

    List<CartItem> cart();

    List<String> tags();

    @Nullable
    String coupon();
}
// end::schema[]
