package example;

import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** What this app keeps per visitor; SessionKit generates VisitData, Visits and a binder from it. */
@SessionSchema
public interface Visit {

    /** @return the signed-in user's display name, or null for a guest */
    @Nullable
    String name();

    /** @return the items in the cart, kept for guests too */
    List<String> cart();
}
