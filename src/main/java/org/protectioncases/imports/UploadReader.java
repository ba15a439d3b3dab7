package org.protectioncases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded file to a table: copied to a temporary file (at most {@code maxFileBytes}, hashed on
 * the way), read as XLSX or CSV by its first bytes and name, its headers checked. Refuses with
 * {@link ImportFileException} what cannot be imported at all.
 */
final class UploadReader {

    private UploadReader() {
    }

    static UploadedFile read(String name, InputStream content, @Nullable Charset charset, long maxFileBytes, int maxRows) {
        Path temp = null;
        try {
            temp = Files.createTempFile("import-", ".upload");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(temp)) {
                size = copyAtMost(in, out, maxFileBytes);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            if (size == 0) {
                throw new ImportFileException("import.file.empty");
            }
            SourceTable table = readTable(name, temp, charset, maxRows);
            checkHeaders(table);
            return new UploadedFile(name, hash, table);
        } catch (IOException e) {
            throw new ImportFileException("import.file.unreadable");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the operating system's temporary directory is cleaned anyway
                }
            }
        }
    }

    private static SourceTable readTable(String name, Path file, @Nullable Charset charset, int maxRows) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        boolean zip = n >= 2 && head[0] == 'P' && head[1] == 'K';
        boolean ole2 = n >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xE0;
        String lower = name.toLowerCase(Locale.ROOT);
        if (ole2 || lower.endsWith(".xls")) {
            throw new ImportFileException("import.file.oldExcel");
        }
        if (zip || lower.endsWith(".xlsx")) {
            if (!zip) {
                throw new ImportFileException("import.file.notXlsx");
            }
            return XlsxTableReader.read(file, maxRows);
        }
        return CsvTableReader.read(Files.readAllBytes(file), charset, maxRows);
    }

    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            total += read;
            if (total > max) {
                throw new ImportFileException("import.file.tooLarge");
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private static void checkHeaders(SourceTable table) {
        Set<String> seen = new HashSet<>();
        for (String header : table.headers()) {
            String folded = TextFolding.fold(header);
            if (!folded.isEmpty() && !seen.add(folded)) {
                throw new ImportFileException("import.file.duplicateHeader", header);
            }
        }
        if (table.rows().isEmpty()) {
            throw new ImportFileException("import.file.noRows");
        }
    }
}
