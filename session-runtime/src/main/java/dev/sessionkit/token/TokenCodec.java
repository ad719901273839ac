package dev.sessionkit.token;

import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints, signs and verifies session tokens. A token is 32 random bytes in base64url (43
 * characters); the value a client holds is {@code token.signature}, the signature being
 * HMAC-SHA256 of the token under the first secret. Verification tries every secret in constant
 * time, so secrets can rotate. The store never sees the token, only its SHA-256 (the public id).
 */
@Internal
public final class TokenCodec {

    /** Characters in a token and in a signature. */
    public static final int PART_LENGTH = 43;
    /** Characters in a signed value: token, dot, signature. */
    public static final int VALUE_LENGTH = 2 * PART_LENGTH + 1;

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec[] keys;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Mac[]> macs;

    /**
     * @param secrets the signing keys, the first one signs
     */
    public TokenCodec(@NonNull List<byte[]> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        keys = new SecretKeySpec[secrets.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new SecretKeySpec(secrets.get(i), HMAC);
        }
        macs = ThreadLocal.withInitial(this::newMacs);
    }

    /**
     * @return a fresh 256-bit token, base64url
     */
    public @NonNull String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /**
     * @param token a token from {@link #newToken()}
     * @return the value to hand the client: {@code token.signature} under the first secret
     */
    public @NonNull String sign(@NonNull String token) {
        return token + '.' + signature(macs.get()[0], token);
    }

    /**
     * Checks a client's value. Anything but exactly {@code <43 base64url>.<43 base64url>} with a
     * signature under one of the secrets is rejected without further work.
     *
     * @param value what the client sent
     * @return the verified token, or null
     */
    public @Nullable VerifiedToken verify(@Nullable String value) {
        if (!isWellFormed(value)) {
            return null;
        }
        String token = value.substring(0, PART_LENGTH);
        byte[] given = value.substring(PART_LENGTH + 1).getBytes(StandardCharsets.US_ASCII);
        Mac[] all = macs.get();
        int matched = -1;
        for (int i = 0; i < all.length; i++) {
            byte[] expected = signature(all[i], token).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given) && matched < 0) {
                matched = i;
            }
        }
        return matched < 0 ? null : new VerifiedToken(token, matched > 0);
    }

    /**
     * A keyed digest of {@code value} for one purpose (such as CSRF form tokens), under the
     * current secret.
     *
     * @param purpose what the digest is for, so digests for different purposes never match
     * @param value what it vouches for
     * @return 43 characters
     */
    public @NonNull String mac(@NonNull String purpose, @NonNull String value) {
        return signature(macs.get()[0], purpose + ':' + value);
    }

    /**
     * Checks a {@link #mac} in constant time, under every configured secret.
     *
     * @param purpose what the digest is for
     * @param value what it vouches for
     * @param given the digest sent back
     * @return whether it matches
     */
    public boolean verifyMac(@NonNull String purpose, @NonNull String value, @NonNull String given) {
        byte[] bytes = given.getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (Mac mac : macs.get()) {
            ok |= MessageDigest.isEqual(
                    signature(mac, purpose + ':' + value).getBytes(StandardCharsets.US_ASCII), bytes);
        }
        return ok;
    }

    /**
     * The public id of a session: base64url SHA-256 of its token. Safe to store, log and show.
     *
     * @param token the raw token
     * @return 43 characters
     */
    public @NonNull String publicId(@NonNull String token) {
        return Sha256.of(token);
    }

    /**
     * @param value a candidate cookie value
     * @return whether it has the exact shape of a signed value
     */
    public static boolean isWellFormed(@Nullable String value) {
        if (value == null || value.length() != VALUE_LENGTH || value.charAt(PART_LENGTH) != '.') {
            return false;
        }
        for (int i = 0; i < VALUE_LENGTH; i++) {
            if (i != PART_LENGTH && !isBase64Url(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param key a store key: the session namespace, then the public id
     * @return the public id
     */
    public static @NonNull String idOfKey(@NonNull String key) {
        return key.substring(Math.max(0, key.length() - PART_LENGTH));
    }

    /**
     * @param keys store keys
     * @return their public ids, in order
     */
    public static @NonNull List<String> idsOfKeys(@NonNull List<String> keys) {
        return keys.stream().map(TokenCodec::idOfKey).toList();
    }

    /**
     * @param value a candidate session's public id, such as a revoke request's id
     * @return whether it has the exact shape of one: 43 base64url characters
     */
    public static boolean isPublicId(@Nullable String value) {
        if (value == null || value.length() != PART_LENGTH) {
            return false;
        }
        for (int i = 0; i < PART_LENGTH; i++) {
            if (!isBase64Url(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static String signature(Mac mac, String token) {
        return BASE64URL.encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac[] newMacs() {
        Mac[] result = new Mac[keys.length];
        try {
            for (int i = 0; i < keys.length; i++) {
                result[i] = Mac.getInstance(HMAC);
                result[i].init(keys[i]);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
        return result;
    }
}
