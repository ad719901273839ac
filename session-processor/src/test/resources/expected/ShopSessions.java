package test;

import dev.sessionkit.annotation.SessionKitGenerated;
import dev.sessionkit.session.CurrentSession;
import dev.sessionkit.session.SchemaField;
import dev.sessionkit.session.Session;
import dev.sessionkit.session.SessionAccessor;
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
    private static final SchemaField<String> USER_ID = SchemaField.of("ShopSession", "userId", Argument.of(String.class), null);

    private static final SchemaField<String> NAME = SchemaField.of("ShopSession", "display_name", Argument.of(String.class), null);

    private static final SchemaField<String> API_KEY = SchemaField.of("ShopSession", "apiKey", Argument.of(String.class), null);

    private static final SchemaField<Integer> VISITS = SchemaField.of("ShopSession", "visits", Argument.of(Integer.class), 1);

    private static final SchemaField<Boolean> ADMIN = SchemaField.of("ShopSession", "admin", Argument.of(Boolean.class), false);

    private static final SchemaField<Tier> TIER = SchemaField.of("ShopSession", "tier", Argument.of(Tier.class), null);

    private static final SchemaField<Instant> LAST_SEEN = SchemaField.of("ShopSession", "lastSeen", Argument.of(Instant.class), null);

    private static final SchemaField<UUID> DEVICE = SchemaField.of("ShopSession", "device", Argument.of(UUID.class), null);

    private static final SchemaField<List<CartItem>> CART = SchemaField.of("ShopSession", "cart", Argument.listOf(Argument.of(CartItem.class)), List.of()).formerly("basket");

    private static final SchemaField<Set<String>> TAGS = SchemaField.of("ShopSession", "tags", Argument.setOf(Argument.of(String.class)), Set.of());

    private static final SchemaField<Map<String, Integer>> COUNTERS = SchemaField.of("ShopSession", "counters", Argument.mapOf(Argument.of(String.class), Argument.of(Integer.class)), Map.of());

    private static final SchemaField<AddressData> ADDRESS = SchemaField.of("ShopSession", "address", Argument.of(AddressData.class), AddressData.empty());

    /**
     * @param sessions where the session comes from: the request's, or a test's own
     */
    public ShopSessions(CurrentSession sessions) {
        super(sessions);
    }

    @Override
    public ShopSessionData read(Session session) {
        return new ShopSessionData(
                session.read(USER_ID),
                session.read(NAME),
                session.read(API_KEY),
                session.read(VISITS),
                session.read(ADMIN),
                session.read(TIER),
                session.read(LAST_SEEN),
                session.read(DEVICE),
                session.read(CART),
                session.read(TAGS),
                session.read(COUNTERS),
                session.read(ADDRESS));
    }

    @Override
    protected void write(Session session, ShopSession data) {
        ShopSessionData value = ShopSessionData.copyOf(data);
        session.write(USER_ID, value.userId());
        session.write(NAME, value.name());
        session.write(API_KEY, value.apiKey());
        session.write(VISITS, value.visits());
        session.write(ADMIN, value.admin());
        session.write(TIER, value.tier());
        session.write(LAST_SEEN, value.lastSeen());
        session.write(DEVICE, value.device());
        session.write(CART, value.cart());
        session.write(TAGS, value.tags());
        session.write(COUNTERS, value.counters());
        session.write(ADDRESS, (AddressData) value.address());
        session.remove("coupon");
    }

    /**
     * Applies {@code change} to the current value (or the empty one) and stores the result,
     * losing no concurrent request's change: a field it changes is stored only if no other
     * request changed that field meanwhile, and otherwise {@code change} runs again on the
     * fresh value (see {@link Session#update}). {@code change} may run more than once.
     *
     * @param change computes the new value from the current one
     */
    public void update(UnaryOperator<ShopSessionData> change) {
        update(session(), change, ShopSessionData::copyOf, ShopSessionData::empty);
    }
}
