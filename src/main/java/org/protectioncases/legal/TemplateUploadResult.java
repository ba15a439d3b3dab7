package org.protectioncases.legal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What became of an uploaded template: saved as a new version, or refused with the reason
 * ({@code problemKey}, a message key) and, for unknown placeholders, which ones.
 */
public record TemplateUploadResult(@Nullable TemplateVersionDto saved, @Nullable String problemKey, List<String> placeholders,
                                   List<String> unknown) {

    public boolean accepted() {
        return saved != null;
    }
}
