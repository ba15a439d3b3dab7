package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecondFactorCipherTest {

    @TempDir
    Path dir;

    @Test
    void withoutAConfiguredKeyMakesAnOwnerOnlyKeyFileAndKeepsUsingIt() throws Exception {
        Path keyFile = dir.resolve("postgres").resolve(SecondFactorCipher.KEY_FILE);
        byte[] secret = {1, 2, 3, 4, 5};
        String sealed = new SecondFactorCipher("", keyFile).encrypt(secret, 7);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(sealed).doesNotContain("AQIDBAU"); // not the plain secret in Base64
        assertThat(new SecondFactorCipher("", keyFile).decrypt(sealed, 7)).as("a restart reads the same key").isEqualTo(secret);
    }

    @Test
    void aCiphertextDecryptsOnlyForItsAccountAndKey() {
        String key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        SecondFactorCipher cipher = new SecondFactorCipher(key, dir.resolve("unused"));
        String sealed = cipher.encrypt(new byte[] {9, 9, 9}, 1);
        assertThat(cipher.decrypt(sealed, 1)).containsExactly(9, 9, 9);
        assertThatThrownBy(() -> cipher.decrypt(sealed, 2)).isInstanceOf(IllegalStateException.class);
        SecondFactorCipher other = new SecondFactorCipher("", dir.resolve("other.key"));
        assertThatThrownBy(() -> other.decrypt(sealed, 1)).isInstanceOf(IllegalStateException.class);
        assertThat(Files.exists(dir.resolve("unused"))).as("a configured key writes no file").isFalse();
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new SecondFactorCipher("AAEC", dir.resolve("k"))).hasMessageContaining("32 bytes");
    }
}
