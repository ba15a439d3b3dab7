package org.protectioncases.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --restore=FILE} reads the app's configuration, refuses what it must refuse with one line
 * that says what to do (no stack trace), and exits non-zero. (A real restore: {@code BackupRoundTripIT}.)
 */
class RestoreCommandTest {

    @TempDir
    Path temp;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureErr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(originalErr);
    }

    private int restore(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--test.database.own=true"; // the test classpath would otherwise point every context at the test database
        System.arraycopy(args, 0, all, 1, args.length);
        return RestoreCommand.run(all);
    }

    private String said() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void isRecognisedOnlyWithTheOption() {
        assertThat(RestoreCommand.requested(new String[] {"--server.port=0"})).isFalse();
        assertThat(RestoreCommand.requested(new String[] {"--restore=x.zip"})).isTrue();
    }

    @Test
    void aMissingFileIsNamed() {
        assertThat(restore("--restore=" + temp.resolve("nope.zip"), "--app.embedded-db.data-directory=" + temp.resolve("pg"))).isEqualTo(1);
        assertThat(said()).startsWith("Restore failed: There is no backup file").doesNotContain("\tat ");
    }

    @Test
    void aNonEmptyDataDirectoryIsRefusedAndLeftAlone() throws IOException {
        Path backup = Files.writeString(temp.resolve("protection-cases-20261202-023000-000.zip"), "PK");
        Path data = Files.createDirectories(temp.resolve("postgres"));
        Files.writeString(data.resolve("PG_VERSION"), "17");
        assertThat(restore("--restore=" + backup, "--app.embedded-db.data-directory=" + data)).isEqualTo(1);
        assertThat(said()).contains("is not empty").contains("move the old directory aside");
        assertThat(data.resolve("PG_VERSION")).hasContent("17");
    }

    @Test
    void aFileThatIsNotABackupIsRefusedBeforeAClusterIsMade() throws IOException {
        Path backup = Files.writeString(temp.resolve("notes.zip"), "not a zip at all");
        Path data = temp.resolve("postgres");
        assertThat(restore("--restore=" + backup, "--app.embedded-db.data-directory=" + data)).isEqualTo(1);
        assertThat(said()).contains("not a backup of Protection Cases");
        assertThat(data).doesNotExist();
    }

    @Test
    void anExternalDatabaseIsNotRestoredByTheApp() throws IOException {
        Path backup = Files.writeString(temp.resolve("b.zip"), "PK");
        assertThat(restore("--restore=" + backup, "--spring.datasource.url=jdbc:postgresql://db.example/pc")).isEqualTo(2);
        assertThat(said()).contains("spring.datasource.url is set");
    }
}
