package org.protectioncases.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.protectioncases.attachments.PdfActiveContent.Finding;
import org.protectioncases.support.TestPdfs;

/** PDFs made with a PDF library, with and without what a reader could run or hand on, checked without a database. */
class PdfActiveContentTest {

    @Test
    void aPlainDocumentPasses() {
        assertThat(PdfActiveContent.check(TestPdfs.clean("Vendimi i Zyrës për Azil"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void javaScriptOnOpeningIsFound(boolean compressed) {
        assertThat(PdfActiveContent.check(TestPdfs.openActionJavaScript(compressed))).isEqualTo(Finding.JAVASCRIPT);
        assertThat(PdfActiveContent.check(TestPdfs.pageOpenJavaScript(compressed))).isEqualTo(Finding.JAVASCRIPT);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void launchActionsAreFound(boolean compressed) {
        assertThat(PdfActiveContent.check(TestPdfs.launchAction(compressed))).isEqualTo(Finding.LAUNCH);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void embeddedFilesAreFound(boolean compressed) {
        assertThat(PdfActiveContent.check(TestPdfs.embeddedFile(compressed))).isEqualTo(Finding.EMBEDDED_FILE);
        assertThat(PdfActiveContent.check(TestPdfs.fileAttachmentAnnotation(compressed))).isEqualTo(Finding.EMBEDDED_FILE);
    }

    @Test
    void whatIsPackedInCompressedObjectStreamsOrEscapedIsFoundWhereAByteSearchFindsNothing() {
        byte[] packed = TestPdfs.openActionJavaScript(true);
        assertThat(new String(packed, StandardCharsets.ISO_8859_1)).doesNotContain("JavaScript", "/JS").contains("/ObjStm");
        assertThat(PdfActiveContent.check(packed)).isEqualTo(Finding.JAVASCRIPT);

        byte[] escaped = TestPdfs.escapedNameLaunch();
        assertThat(new String(escaped, StandardCharsets.ISO_8859_1)).doesNotContain("Launch");
        assertThat(PdfActiveContent.check(escaped)).isEqualTo(Finding.LAUNCH);
    }

    @Test
    void encryptedAndUnreadablePdfsCannotBeCheckedAndAreRefused() {
        assertThat(PdfActiveContent.check(TestPdfs.encrypted())).isEqualTo(Finding.ENCRYPTED);
        assertThat(PdfActiveContent.check("%PDF-1.4\nnothing a reader could use\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Finding.UNREADABLE);
    }
}
