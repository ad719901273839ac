package test;

import dev.sessionkit.annotation.SessionKitGenerated;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * The immutable value of a {@link ShopSession}; build it with {@link #builder()}.
 */
@Serdeable
@Generated("dev.sessionkit.processor.SessionSchemaProcessor")
@SessionKitGenerated
public record ShopSessionData(@Nullable String userId, @Nullable String name,
        @Nullable String apiKey, int visits, boolean admin, @Nullable Tier tier,
        @Nullable Instant lastSeen, @Nullable UUID device, List<CartItem> cart, Set<String> tags,
        Map<String, Integer> counters, Address address) implements ShopSession {
    public ShopSessionData {
        cart = cart == null ? List.of() : List.copyOf(cart);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        counters = counters == null ? Map.of() : Map.copyOf(counters);
        address = address == null ? AddressData.empty() : AddressData.copyOf(address);
    }

    /**
     * @return the value whose every field has its default
     */
    public static ShopSessionData empty() {
        return new ShopSessionData(null, null, null, 1, false, null, null, null, List.of(),
                Set.of(), Map.of(), AddressData.empty());
    }

    /**
     * @param source any implementation of the schema
     * @return it as an immutable record
     */
    public static ShopSessionData copyOf(ShopSession source) {
        if (source instanceof ShopSessionData data) {
            return data;
        }
        return new ShopSessionData(source.userId(), source.name(), source.apiKey(), source.visits(),
                source.admin(), source.tier(), source.lastSeen(), source.device(), source.cart(),
                source.tags(), source.counters(), source.address());
    }

    /**
     * @return a builder starting from every field's default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder starting from this value
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * @param userId the new value
     * @return a copy with it
     */
    public ShopSessionData withUserId(@Nullable String userId) {
        return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                cart, tags, counters, address);
    }

    /**
     * @param name the new value
     * @return a copy with it
     */
    public ShopSessionData withName(@Nullable String name) {
        return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                cart, tags, counters, address);
    }

    /**
     * @param apiKey the new value
     * @return a copy with it
     */
    public ShopSessionData withApiKey(@Nullable String apiKey) {
        return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                cart, tags, counters, address);
    }

    /**
     * @param visits the new value
     * @return a copy with it
     */
    public ShopSessionData withVisits(int visits) {
        return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                cart, tags, counters, address);
    }

    /**
     * @param admin the new value
     * @return a copy with it
     */
    public ShopSessionData withAdmin(boolean admin) {
        return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                cart, tags, counters, address);
    }

    /**
     * @param tier the new value
     * @return a copy with it
     */
    public ShopSessionData withTier(@Nullable Tier tier) {
        return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                cart, tags, counters, address);
    }

    /**
     * @param lastSeen the new value
     * @return a copy with it
     */
    public ShopSessionData withLastSeen(@Nullable Instant lastSeen) {
        return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                cart, tags, counters, address);
    }

    /**
     * @param device the new value
     * @return a copy with it
     */
    public ShopSessionData withDevice(@Nullable UUID device) {
        return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                cart, tags, counters, address);
    }

    /**
     * @param cart the new value
     * @return a copy with it
     */
    public ShopSessionData withCart(List<CartItem> cart) {
        return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                cart, tags, counters, address);
    }

    /**
     * @param tags the new value
     * @return a copy with it
     */
    public ShopSessionData withTags(Set<String> tags) {
        return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                cart, tags, counters, address);
    }

    /**
     * @param counters the new value
     * @return a copy with it
     */
    public ShopSessionData withCounters(Map<String, Integer> counters) {
        return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                cart, tags, counters, address);
    }

    /**
     * @param address the new value
     * @return a copy with it
     */
    public ShopSessionData withAddress(Address address) {
        return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                cart, tags, counters, address);
    }

    @Override
    public String toString() {
        return "ShopSession[userId=" + userId + ", name=" + name +
                ", apiKey=***, visits=" + visits + ", admin=" + admin + ", tier=" + tier +
                ", lastSeen=" + lastSeen + ", device=" + device + ", cart=" + cart +
                ", tags=" + tags + ", counters=" + counters + ", address=" + address + "]";
    }

    /**
     * Builds a {@link ShopSessionData}; unset fields keep their defaults.
     */
    public static final class Builder {
        @Nullable
        private String userId = null;

        @Nullable
        private String name = null;

        @Nullable
        private String apiKey = null;

        private int visits = 1;

        private boolean admin = false;

        @Nullable
        private Tier tier = null;

        @Nullable
        private Instant lastSeen = null;

        @Nullable
        private UUID device = null;

        private List<CartItem> cart = List.of();

        private Set<String> tags = Set.of();

        private Map<String, Integer> counters = Map.of();

        private Address address = AddressData.empty();

        private Builder() {
        }

        private Builder(ShopSessionData value) {
            this.userId = value.userId();
            this.name = value.name();
            this.apiKey = value.apiKey();
            this.visits = value.visits();
            this.admin = value.admin();
            this.tier = value.tier();
            this.lastSeen = value.lastSeen();
            this.device = value.device();
            this.cart = value.cart();
            this.tags = value.tags();
            this.counters = value.counters();
            this.address = value.address();
        }

        /**
         * @param userId the value
         * @return this builder
         */
        public Builder userId(@Nullable String userId) {
            this.userId = userId;
            return this;
        }

        /**
         * @param name the value
         * @return this builder
         */
        public Builder name(@Nullable String name) {
            this.name = name;
            return this;
        }

        /**
         * @param apiKey the value
         * @return this builder
         */
        public Builder apiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * @param visits the value
         * @return this builder
         */
        public Builder visits(int visits) {
            this.visits = visits;
            return this;
        }

        /**
         * @param admin the value
         * @return this builder
         */
        public Builder admin(boolean admin) {
            this.admin = admin;
            return this;
        }

        /**
         * @param tier the value
         * @return this builder
         */
        public Builder tier(@Nullable Tier tier) {
            this.tier = tier;
            return this;
        }

        /**
         * @param lastSeen the value
         * @return this builder
         */
        public Builder lastSeen(@Nullable Instant lastSeen) {
            this.lastSeen = lastSeen;
            return this;
        }

        /**
         * @param device the value
         * @return this builder
         */
        public Builder device(@Nullable UUID device) {
            this.device = device;
            return this;
        }

        /**
         * @param cart the value
         * @return this builder
         */
        public Builder cart(List<CartItem> cart) {
            this.cart = cart;
            return this;
        }

        /**
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Set<String> tags) {
            this.tags = tags;
            return this;
        }

        /**
         * @param counters the value
         * @return this builder
         */
        public Builder counters(Map<String, Integer> counters) {
            this.counters = counters;
            return this;
        }

        /**
         * @param address the value
         * @return this builder
         */
        public Builder address(Address address) {
            this.address = address;
            return this;
        }

        /**
         * @return the value
         */
        public ShopSessionData build() {
            return new ShopSessionData(userId, name, apiKey, visits, admin, tier, lastSeen, device,
                    cart, tags, counters, address);
        }
    }
}
