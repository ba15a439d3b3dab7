package org.protectioncases.attachments;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The accepted file types, recognised by their first bytes ("magic numbers"), never by the name
 * or the type the browser claims: a renamed executable or text file is not a PDF.
 */
enum FileType {
    PDF("application/pdf", List.of("pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String mediaType;
    private final List<String> extensions;
    private final byte[] magic;

    FileType(String mediaType, List<String> extensions, byte[] magic) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.magic = magic;
    }

    String mediaType() {
        return mediaType;
    }

    static @Nullable FileType detect(byte[] content) {
        for (FileType type : values()) {
            if (content.length >= type.magic.length && Arrays.equals(content, 0, type.magic.length, type.magic, 0, type.magic.length)) {
                return type;
            }
        }
        return null;
    }

    /** The name with an extension that matches the content, so a PNG called {@code scan.pdf} is saved as {@code scan.pdf.png}. */
    String withExtension(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return extensions.contains(ext) ? name : name + "." + extensions.get(0);
    }
}
