package io.combot.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one way Combot checks a presented secret (a client key, the admin token): only SHA-256 digests are held, and
 * digests are compared with {@link MessageDigest#isEqual}, in constant time whatever the presented secret's length.
 */
final class SecretDigests {
    private static final String BEARER = "bearer ";

    private SecretDigests() {
    }

    /**
     * The secret of an {@code Authorization: Bearer <secret>} header, the scheme's case ignored (RFC 9110 makes it
     * case-insensitive); empty for a missing header, another scheme or a blank secret.
     */
    static Optional<String> bearer(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        String secret = header.substring(BEARER.length()).trim();
        return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Constant time: the comparison does not stop at the first differing byte. */
    static boolean sameDigest(byte[] held, byte[] presented) {
        return MessageDigest.isEqual(held, presented);
    }

    /** Whether {@code presented} hashes to {@code held}, compared in constant time. */
    static boolean matches(byte[] held, String presented) {
        return sameDigest(held, sha256(presented));
    }
}
