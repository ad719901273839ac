package test;

import dev.sessionkit.annotation.SessionField;
import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@SessionSchema(retired = "coupon", unread = "legacyTheme")
public interface ShopSession {
    @Nullable
    String userId();

    @Nullable
    @SessionField(name = "display_name")
    String name();

    @Nullable
    @SessionField(sensitive = true)
    String apiKey();

    @SessionField(defaultValue = "1")
    int visits();

    boolean admin();

    @Nullable
    Tier tier();

    @Nullable
    Instant lastSeen();

    @Nullable
    UUID device();

    @SessionField(formerNames = "basket")
    List<CartItem> cart();

    Set<String> tags();

    Map<String, Integer> counters();

    Address address();

    default boolean signedIn() {
        return userId() != null;
    }
}
