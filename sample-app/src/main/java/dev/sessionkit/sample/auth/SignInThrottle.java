package dev.sessionkit.sample.auth;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Slows password guessing without letting a guesser lock the owner out (OWASP's authentication
 * cheat sheet). Failed sign-ins are counted in fixed windows per client address, per address and
 * account together, and per account:
 *
 * <ul>
 *   <li>an address past its limit (20) is refused for every account: credential stuffing;
 *   <li>an address past its limit for one account (5) is refused for that account, the right
 *       password included, so the guesser learns nothing;
 *   <li>an account past its limit (5, from anywhere) is under attack: every address that has
 *       failed on it is refused, while an address that has not may still try, so the owner signs
 *       in and a botnet gets one guess per address per window.
 * </ul>
 *
 * Successful sign-ins count nothing. Password hashing is capped at two per core, so a flood
 * queues no work.
 */
@Singleton
public final class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final int perAddress;
    private final int perAccount;
    private final long windowMillis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Semaphore hashing = new Semaphore(2 * Runtime.getRuntime().availableProcessors());

    SignInThrottle(
            Clock clock,
            @Value("${shop.throttle.failures-per-address:20}") int perAddress,
            @Value("${shop.throttle.failures-per-account:5}") int perAccount,
            @Value("${shop.throttle.window:15m}") Duration window) {
        this.clock = clock;
        this.perAddress = perAddress;
        this.perAccount = perAccount;
        this.windowMillis = window.toMillis();
    }

    /**
     * @param address the client's address
     * @param account the normalized email
     * @return seconds to wait before trying again, or 0 when the attempt may go ahead
     */
    public long retryAfter(String address, String account) {
        long now = clock.millis();
        String pair = pair(address, account);
        long wait = Math.max(wait("ip:" + address, perAddress, now), wait(pair, perAccount, now));
        if (failures(pair, now) > 0) {
            wait = Math.max(wait, wait("account:" + account, perAccount, now));
        }
        return wait;
    }

    /** Counts a failed attempt against the address, the address with the account, and the account. */
    public void failed(String address, String account) {
        long now = clock.millis();
        count("ip:" + address, now);
        count(pair(address, account), now);
        count("account:" + account, now);
    }

    private static String pair(String address, String account) {
        return "pair:" + address + " " + account;
    }

    private int failures(String key, long now) {
        Window w = windows.get(key);
        return w == null || w.endsAt <= now ? 0 : w.failures;
    }

    /**
     * @param address the client's address
     * @return seconds before this address may sign up again, or 0
     */
    public long signUpRetryAfter(String address) {
        return wait("signup:" + address, perAddress, clock.millis());
    }

    /** Counts a sign-up against the address: each costs a hash, so they are bounded like failures. */
    public void signedUp(String address) {
        count("signup:" + address, clock.millis());
    }

    /**
     * Claims a password-hashing slot.
     *
     * @return false when all are busy: answer 429 and let the client retry
     */
    public boolean startHashing() {
        return hashing.tryAcquire();
    }

    /** Releases a slot taken by {@link #startHashing()}. */
    public void endHashing() {
        hashing.release();
    }

    private long wait(String key, int limit, long now) {
        Window w = windows.get(key);
        if (w == null || w.endsAt <= now || w.failures < limit) {
            return 0;
        }
        return Math.max(1, (w.endsAt - now + 999) / 1000);
    }

    private void count(String key, long now) {
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(w -> w.endsAt <= now);
        }
        windows.compute(key, (k, w) -> w == null || w.endsAt <= now ? new Window(now + windowMillis, 1) : w.plusOne());
    }

    private record Window(long endsAt, int failures) {
        Window plusOne() {
            return new Window(endsAt, failures + 1);
        }
    }
}
