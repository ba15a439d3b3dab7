package org.protectioncases.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets (AES-256-GCM) with a key that is never in the database: from
 * {@code app.security.mfa.encryption-key} (Base64 of 32 bytes), or else from a key file made at the
 * first enrolment with owner-only permissions, by default next to the embedded database's password
 * file. Each ciphertext is bound to its account id, so a row copied to another account does not decrypt.
 */
@Component
class SecondFactorCipher {

    static final String KEY_FILE = "protection-cases.mfa-key";
    private static final Logger log = LoggerFactory.getLogger(SecondFactorCipher.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String configuredKey;
    private final Path keyFile;
    private volatile @Nullable SecretKey key;

    SecondFactorCipher(@Value("${app.security.mfa.encryption-key:}") String configuredKey,
                       @Value("${app.security.mfa.key-file:${app.embedded-db.data-directory:data/postgres}/" + KEY_FILE + "}") Path keyFile) {
        this.configuredKey = configuredKey.strip();
        this.keyFile = keyFile.toAbsolutePath().normalize();
        if (!this.configuredKey.isEmpty()) {
            this.key = parse(this.configuredKey, "app.security.mfa.encryption-key");
        }
    }

    String encrypt(byte[] secret, long accountId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(accountId));
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a second-factor secret", e);
        }
    }

    byte[] decrypt(String stored, long accountId) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(aad(accountId));
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A second-factor secret does not decrypt with this key (key changed or row altered)", e);
        }
    }

    private static byte[] aad(long accountId) {
        return ("user_account:" + accountId).getBytes(StandardCharsets.US_ASCII);
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    k = loadOrCreateKeyFile();
                    key = k;
                }
            }
        }
        return k;
    }

    private SecretKey loadOrCreateKeyFile() {
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Files.createDirectories(keyFile.getParent());
                try {
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n");
                    log.info("Made the key for second-factor secrets: {} (owner-only; back it up with the database)", keyFile);
                } catch (FileAlreadyExistsException raced) {
                    // made meanwhile by another thread or instance: read it below
                }
            }
            return parse(Files.readString(keyFile).strip(), keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the second-factor key file " + keyFile, e);
        }
    }

    private static SecretKey parse(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " must be 32 bytes (256 bits) in Base64, e.g. `openssl rand -base64 32`");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
