package org.protectioncases.attachments;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Makes a user's file name safe to store and to offer back in a download: no directories, no
 * control or reserved characters, bounded length. The name is never used as a path on disk.
 */
final class FileNames {

    static final int MAX_LENGTH = 150;

    private FileNames() {
    }

    static String sanitise(@Nullable String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        // Browsers (old Edge, IE) may send a full client path; keep only the last segment.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}<>:\"|?*]", "_")
                .replaceAll("\\s+", " ")
                .strip();
        // No hidden files and no "..": strip leading dots, and trailing dots and spaces (Windows).
        name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (name.isEmpty()) {
            name = "attachment";
        }
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
            name = name.substring(0, MAX_LENGTH - ext.length()).strip() + ext;
        }
        return name;
    }
}
