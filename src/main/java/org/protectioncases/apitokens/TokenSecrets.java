package org.protectioncases.apitokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Token format {@code pc_<prefix>_<secret>}: an 8-hex-digit prefix (not secret, shown in lists)
 * and 256 random bits in base64url. Stored as the SHA-256 of the whole token: with that much
 * entropy a slow password hash adds nothing, and a fast one keeps each API request cheap.
 */
final class TokenSecrets {

    static final Pattern FORMAT = Pattern.compile("pc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    record Generated(String token, String prefix, String hash) {
    }

    static Generated generate() {
        byte[] prefixBytes = new byte[4];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(prefixBytes);
        RANDOM.nextBytes(secret);
        String prefix = HexFormat.of().formatHex(prefixBytes);
        String token = "pc_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Generated(token, prefix, hash(token));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
