package dev.sessionkit.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** PostgreSQL's MD5 password answer: {@code "md5" + md5(md5(password + user) + salt)}, in hex. */
final class Md5Password {

    private Md5Password() {}

    static String of(String user, String password, int salt) {
        String inner = hex(md5((password + user).getBytes(StandardCharsets.UTF_8)));
        byte[] salted = new byte[inner.length() + 4];
        System.arraycopy(inner.getBytes(StandardCharsets.US_ASCII), 0, salted, 0, inner.length());
        for (int i = 0; i < 4; i++) {
            salted[inner.length() + i] = (byte) (salt >>> (24 - 8 * i));
        }
        return "md5" + hex(md5(salted));
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
