package org.protectioncases.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Type detection by content and file-name cleaning, without a database. */
class FileRulesTest {

    @Test
    void typesComeFromTheFirstBytesOnly() {
        assertThat(FileType.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileType.PDF);
        assertThat(FileType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0})).isEqualTo(FileType.JPEG);
        assertThat(FileType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).isEqualTo(FileType.PNG);
        // A Windows executable, plain text, a truncated signature, nothing.
        assertThat(FileType.detect(new byte[] {'M', 'Z', (byte) 0x90, 0})).isNull();
        assertThat(FileType.detect("hello %PDF-".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(FileType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isNull();
        assertThat(FileType.detect(new byte[0])).isNull();
    }

    @Test
    void theExtensionFollowsTheContent() {
        assertThat(FileType.JPEG.withExtension("photo.JPG")).isEqualTo("photo.JPG");
        assertThat(FileType.JPEG.withExtension("photo.jpeg")).isEqualTo("photo.jpeg");
        assertThat(FileType.PDF.withExtension("setup.exe")).isEqualTo("setup.exe.pdf");
        assertThat(FileType.PNG.withExtension("scan")).isEqualTo("scan.png");
    }

    @Test
    void namesLoseDirectoriesControlCharactersAndExcessLength() {
        assertThat(FileNames.sanitise("C:\\Users\\vjosa\\Desktop\\vendim.pdf")).isEqualTo("vendim.pdf");
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("..")).isEqualTo("attachment");
        assertThat(FileNames.sanitise(".hidden.pdf")).isEqualTo("hidden.pdf");
        assertThat(FileNames.sanitise("a\u0000b\nc\u202Efdp.exe")).isEqualTo("a_b_c_fdp.exe");
        assertThat(FileNames.sanitise("  Vendimi   i   AKM  .pdf ")).isEqualTo("Vendimi i AKM .pdf");
        assertThat(FileNames.sanitise("Đorđe Petrović – rješenje.pdf")).isEqualTo("Đorđe Petrović – rješenje.pdf");
        assertThat(FileNames.sanitise(null)).isEqualTo("attachment");
        String longName = FileNames.sanitise("x".repeat(400) + ".pdf");
        assertThat(longName).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
    }
}
