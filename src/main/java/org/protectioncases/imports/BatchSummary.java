package org.protectioncases.imports;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** An import batch as the batch list and the import's result show it; {@code failure}: a background import that saved nothing. */
public record BatchSummary(long id, ImportKind kind, String fileName, String sha256, int rowCount, int created, int linked, int skipped,
                           ImportMode mode, String createdBy, OffsetDateTime createdAt, @Nullable String undoneBy,
                           @Nullable OffsetDateTime undoneAt, @Nullable ImportFailure failure) {

    public boolean undone() {
        return undoneAt != null;
    }
}
