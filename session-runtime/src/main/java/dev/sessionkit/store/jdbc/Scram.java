package dev.sessionkit.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One SCRAM-SHA-256 sign-in (RFC 5802 and 7677) without channel binding, as PostgreSQL asks for
 * it: the client's first message, its proof for the server's challenge, and the check that the
 * server knew the password too. The user name is left empty, as PostgreSQL takes it from the
 * startup message.
 */
final class Scram {

    static final String MECHANISM = "SCRAM-SHA-256";
    private static final String GS2_HEADER = "n,,";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final char[] password;
    private final String clientFirstBare;
    private final String nonce;
    private byte[] serverSignature = new byte[0];

    Scram(String password) {
        this("", password, randomNonce());
    }

    /** With a given user name (plain: no ',' or '=') and nonce, for the RFC's test vectors. */
    Scram(String user, String password, String nonce) {
        this.password = password.toCharArray();
        this.nonce = nonce;
        this.clientFirstBare = "n=" + user + ",r=" + nonce;
    }

    /** @return the client-first-message */
    String first() {
        return GS2_HEADER + clientFirstBare;
    }

    /**
     * @param serverFirst the server's challenge: its nonce, the salt and the iteration count
     * @return the client-final-message, with the proof
     */
    String answer(String serverFirst) {
        Map<String, String> challenge = attributes(serverFirst);
        String combined = challenge.get("r");
        if (combined == null
                || !combined.startsWith(nonce)
                || !challenge.containsKey("s")
                || !challenge.containsKey("i")) {
            throw new IllegalStateException("the server's SCRAM challenge is malformed");
        }
        byte[] salted = salt(Base64.getDecoder().decode(challenge.get("s")), Integer.parseInt(challenge.get("i")));
        String finalWithoutProof = "c="
                + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.US_ASCII)) + ",r=" + combined;
        byte[] message =
                (clientFirstBare + "," + serverFirst + "," + finalWithoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] signature = hmac(sha256(clientKey), message);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        serverSignature = hmac(hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII)), message);
        return finalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /**
     * @param serverFinal the server's last message
     * @return whether it proves the server knew the password
     */
    boolean verify(String serverFinal) {
        String verifier = attributes(serverFinal).get("v");
        return verifier != null
                && serverSignature.length > 0
                && MessageDigest.isEqual(Base64.getDecoder().decode(verifier), serverSignature);
    }

    private byte[] salt(byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Map<String, String> attributes(String message) {
        Map<String, String> attributes = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() > 1 && part.charAt(1) == '=') {
                attributes.put(part.substring(0, 1), part.substring(2));
            }
        }
        return attributes;
    }

    private static String randomNonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
