package org.protectioncases.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed passphrase encryption: round trips at chunk edges, and every kind of tampering refused. */
class BackupCipherTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final int FAST = 10_000; // the lowest count a file may carry, for speed; the app writes 600,000

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static byte[] open(byte[] sealed, String passphrase) throws IOException {
        try (InputStream in = BackupCipher.decrypt(new ByteArrayInputStream(sealed), passphrase)) {
            return in.readAllBytes();
        }
    }

    @Test
    void roundTripsAnySizeAroundTheChunkEdges() throws IOException {
        for (int size : List.of(0, 1, BackupCipher.CHUNK - 1, BackupCipher.CHUNK, BackupCipher.CHUNK + 1, 3 * BackupCipher.CHUNK,
                200_003)) {
            byte[] plain = random(size);
            byte[] sealed = BackupCipher.seal(plain, PASSPHRASE, FAST);
            assertThat(BackupCipher.isEncrypted(sealed)).isTrue();
            assertThat(open(sealed, PASSPHRASE)).as("size " + size).isEqualTo(plain);
        }
    }

    @Test
    void theSameBytesEncryptDifferentlyEachTime() throws IOException {
        byte[] plain = random(1000);
        assertThat(BackupCipher.seal(plain, PASSPHRASE, FAST)).isNotEqualTo(BackupCipher.seal(plain, PASSPHRASE, FAST));
    }

    @Test
    void aWrongPassphraseIsSaidSoBeforeAnyByteIsReleased() throws IOException {
        byte[] sealed = BackupCipher.seal(random(300_000), PASSPHRASE, FAST);
        assertThatThrownBy(() -> open(sealed, "correct horse battery stapler"))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("passphrase is wrong");
    }

    @Test
    void aCutOffOrTamperedFileIsRefused() throws IOException {
        byte[] sealed = BackupCipher.seal(random(3 * BackupCipher.CHUNK + 500), PASSPHRASE, FAST);
        // cut after whole chunks: no chunk marked last
        byte[] cut = Arrays.copyOf(sealed, 28 + 2 * (BackupCipher.CHUNK + 16));
        assertThatThrownBy(() -> open(cut, PASSPHRASE)).isInstanceOf(BackupFormatException.class).hasMessageContaining("cut off");
        byte[] flipped = sealed.clone();
        flipped[28 + BackupCipher.CHUNK + 16 + 100] ^= 1; // inside the second chunk
        assertThatThrownBy(() -> open(flipped, PASSPHRASE)).isInstanceOf(BackupFormatException.class)
                .isNotInstanceOf(WrongPassphraseException.class);
        byte[] swapped = sealed.clone(); // chunks 1 and 2 exchanged
        System.arraycopy(sealed, 28, swapped, 28 + BackupCipher.CHUNK + 16, BackupCipher.CHUNK + 16);
        System.arraycopy(sealed, 28 + BackupCipher.CHUNK + 16, swapped, 28, BackupCipher.CHUNK + 16);
        assertThatThrownBy(() -> open(swapped, PASSPHRASE)).isInstanceOf(BackupFormatException.class);
        assertThatThrownBy(() -> open("PK not encrypted".getBytes(), PASSPHRASE)).isInstanceOf(BackupFormatException.class);
    }

    @Test
    void retentionKeepsTheNewestBackupsAndNothingElseIsTouched(@TempDir Path dir) throws IOException {
        for (String name : List.of("protection-cases-20261128-023000-000.zip", "protection-cases-20261129-023000-000.zip.enc",
                "protection-cases-20261130-023000-000.zip", "protection-cases-20261201-023000-000.zip",
                "protection-cases-20261202-023000-000.zip.part", "notes.txt")) {
            Files.writeString(dir.resolve(name), "x");
        }
        assertThat(BackupRunner.keepNewest(dir, 2)).containsExactlyInAnyOrder("protection-cases-20261129-023000-000.zip.enc",
                "protection-cases-20261128-023000-000.zip");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "protection-cases-20261130-023000-000.zip", "protection-cases-20261201-023000-000.zip",
                    "protection-cases-20261202-023000-000.zip.part", "notes.txt");
        }
    }
}
