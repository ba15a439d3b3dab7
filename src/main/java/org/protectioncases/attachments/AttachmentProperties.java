package org.protectioncases.attachments;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where attachments are kept and how big they may be.
 *
 * @param maxSize largest accepted file ({@code app.attachments.max-size}, default 10MB)
 * @param storage {@code database} (default: a bytea column, backed up with the database) or
 *                {@code directory} (files in {@link #dir}, named by attachment id)
 * @param dir     the directory for {@code directory} storage ({@code app.attachments.dir})
 */
@ConfigurationProperties("app.attachments")
record AttachmentProperties(@Nullable DataSize maxSize, @Nullable Storage storage, @Nullable Path dir) {

    enum Storage { DATABASE, DIRECTORY }

    AttachmentProperties {
        if (maxSize == null) {
            maxSize = DataSize.ofMegabytes(10);
        }
        if (storage == null) {
            storage = Storage.DATABASE;
        }
        if (maxSize.toBytes() <= 0 || maxSize.toBytes() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("app.attachments.max-size must be between 1 byte and 2 GB");
        }
        if (storage == Storage.DIRECTORY && dir == null) {
            throw new IllegalArgumentException("app.attachments.storage=directory needs app.attachments.dir");
        }
    }

    long maxBytes() {
        return Objects.requireNonNull(maxSize).toBytes();
    }
}
