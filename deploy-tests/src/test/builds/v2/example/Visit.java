package example;

import dev.sessionkit.annotation.SessionField;
import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

// tag::schema[]
@SessionSchema(unread = "coupon") // dropped; older builds still read it during the rollout
public interface Visit {
    int visits();

    @Nullable
    Level level(); // was a String: values that are no constant read as null

    List<CartItem> cart(); // CartItem gained a component

    @SessionField(formerNames = "tags") // renamed; moved on its next change
    List<String> labels();
}
// end::schema[]
