package test;

import dev.sessionkit.annotation.SessionKitGenerated;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionAccessor;
import dev.sessionkit.session.SessionManager;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link ShopSession} on the current request's session; inject it anywhere.
 */
@Singleton
@Generated("dev.sessionkit.processor.SessionSchemaProcessor")
@SessionKitGenerated
public final class ShopSessions extends SessionAccessor<ShopSession> {
    private static final Argument<String> USER_ID = Argument.of(String.class);

    private static final Argument<String> NAME = Argument.of(String.class);

    private static final Argument<String> API_KEY = Argument.of(String.class);

    private static final Argument<Integer> VISITS = Argument.of(Integer.class);

    private static final Argument<Boolean> ADMIN = Argument.of(Boolean.class);

    private static final Argument<Tier> TIER = Argument.of(Tier.class);

    private static final Argument<Instant> LAST_SEEN = Argument.of(Instant.class);

    private static final Argument<UUID> DEVICE = Argument.of(UUID.class);

    private static final Argument<List<CartItem>> CART = Argument.listOf(Argument.of(CartItem.class));

    private static final Argument<Set<String>> TAGS = Argument.setOf(Argument.of(String.class));

    private static final Argument<Map<String, Integer>> COUNTERS = Argument.mapOf(Argument.of(String.class), Argument.of(Integer.class));

    private static final Argument<AddressData> ADDRESS = Argument.of(AddressData.class);

    /**
     * @param manager the session engine
     */
    public ShopSessions(SessionManager manager) {
        super(manager);
    }

    @Override
    public ShopSessionData read(Session session) {
        return new ShopSessionData(
                session.get("userId", USER_ID).orElse(null),
                session.get("display_name", NAME).orElse(null),
                session.get("apiKey", API_KEY).orElse(null),
                session.get("visits", VISITS).orElse(0),
                session.get("admin", ADMIN).orElse(false),
                session.get("tier", TIER).orElse(null),
                session.get("lastSeen", LAST_SEEN).orElse(null),
                session.get("device", DEVICE).orElse(null),
                session.get("cart", CART).orElse(List.of()),
                session.get("tags", TAGS).orElse(Set.of()),
                session.get("counters", COUNTERS).orElse(Map.of()),
                session.get("address", ADDRESS).orElse(AddressData.empty()));
    }

    @Override
    protected void write(Session session, ShopSession data) {
        ShopSessionData value = ShopSessionData.copyOf(data);
        session.put("userId", USER_ID, value.userId());
        session.put("display_name", NAME, value.name());
        session.put("apiKey", API_KEY, value.apiKey());
        session.put("visits", VISITS, value.visits());
        session.put("admin", ADMIN, value.admin());
        session.put("tier", TIER, value.tier());
        session.put("lastSeen", LAST_SEEN, value.lastSeen());
        session.put("device", DEVICE, value.device());
        session.put("cart", CART, value.cart());
        session.put("tags", TAGS, value.tags());
        session.put("counters", COUNTERS, value.counters());
        session.put("address", ADDRESS, (AddressData) value.address());
    }

    /**
     * Applies {@code change} to the current value (or the empty one) and stores the result.
     *
     * @param change computes the new value from the current one
     */
    public void update(UnaryOperator<ShopSessionData> change) {
        set(change.apply(get().map(ShopSessionData::copyOf).orElseGet(ShopSessionData::empty)));
    }
}
