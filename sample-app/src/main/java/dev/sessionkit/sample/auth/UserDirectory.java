package dev.sessionkit.sample.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shop's users, in memory, with bcrypt-hashed passwords. Seeded with the demo user {@code
 * demo@example.com} / {@code demo-password} and the demo admin {@code admin@example.com} / {@code
 * admin-password}.
 */
@Singleton
public final class UserDirectory {

    /** The demo account's email. */
    public static final String DEMO_EMAIL = "demo@example.com";
    /** The demo account's password. */
    public static final String DEMO_PASSWORD = "demo-password";
    /** The demo admin's email. */
    public static final String ADMIN_EMAIL = "admin@example.com";
    /** The demo admin's password. */
    public static final String ADMIN_PASSWORD = "admin-password";

    private final Map<String, User> byEmail = new ConcurrentHashMap<>();
    private final Map<String, User> byId = new ConcurrentHashMap<>();
    private final int cost;
    private final byte[] dummyHash;

    UserDirectory(@Value("${shop.bcrypt-cost:10}") int cost) {
        this.cost = cost;
        this.dummyHash = hash("not-a-password");
        signUp(DEMO_EMAIL, DEMO_PASSWORD, "Demo Shopper");
        register(ADMIN_EMAIL, ADMIN_PASSWORD, "Shop Admin", User.ADMIN);
    }

    /**
     * Checks a password; the work is the same whether or not the email is known.
     *
     * @param email the email
     * @param password the password
     * @return the user, when both match
     */
    public Optional<User> check(String email, String password) {
        // Credentials bounds the password to bcrypt's 72 bytes before this is reached.
        User user = byEmail.get(normalize(email));
        byte[] hash = user == null ? dummyHash : user.passwordHash().getBytes(StandardCharsets.UTF_8);
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
        return ok && user != null ? Optional.of(user) : Optional.empty();
    }

    /**
     * Registers a user unless the email is taken. Both cases cost one bcrypt hash, so the time
     * taken does not tell them apart either.
     *
     * @param email their email, checked by {@link Credentials#signUpProblem}
     * @param password their password
     * @param name their display name
     * @return whether a new account was created
     */
    public boolean signUp(String email, String password, String name) {
        return register(email, password, name, User.CUSTOMER);
    }

    private boolean register(String email, String password, String name, String role) {
        String key = normalize(email);
        Instant now = Instant.now();
        User user = new User(
                idFor(key), key, name.strip(), new String(hash(password), StandardCharsets.UTF_8), role, now, now);
        if (byEmail.putIfAbsent(key, user) != null) {
            return false;
        }
        byId.put(user.id(), user);
        return true;
    }

    /**
     * @param email a registered user's email
     * @return their user id, as sessions and the user resolver name them
     */
    public static String idOf(String email) {
        return idFor(normalize(email));
    }

    /**
     * A stable id derived from the email, so that the demo user (and sessions in Redis or
     * PostgreSQL that name it) keep working across restarts.
     */
    private static String idFor(String email) {
        return UUID.nameUUIDFromBytes(("sessionkit-shop:" + email).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * @param email an email
     * @return its canonical form: trimmed, lower case
     */
    public static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a user id
     * @return the user, if registered
     */
    public Optional<User> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private byte[] hash(String password) {
        return BCrypt.withDefaults().hash(cost, password.toCharArray());
    }
}
