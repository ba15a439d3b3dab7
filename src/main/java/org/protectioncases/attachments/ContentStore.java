package org.protectioncases.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bytes of attachments: a bytea row in the caller's transaction, or a file named by the
 * attachment id (never by the user's file name). Files follow the transaction too: a file written
 * by a transaction that rolls back is removed, and a deleted attachment's file goes only after commit.
 */
@Component
class ContentStore {

    private static final Logger log = LoggerFactory.getLogger(ContentStore.class);

    private final JdbcClient jdbc;
    private final AttachmentProperties properties;

    ContentStore(JdbcClient jdbc, AttachmentProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Must run in a transaction. */
    void write(Attachment a, byte[] content) {
        switch (a.getStorage()) {
            case DATABASE -> jdbc.sql("insert into attachment_content (attachment_id, content) values (:id, :content)")
                    .param("id", a.getId()).param("content", content).update();
            case DIRECTORY -> writeFile(a.getId(), content);
        }
    }

    byte[] read(Attachment a) {
        return switch (a.getStorage()) {
            case DATABASE -> jdbc.sql("select content from attachment_content where attachment_id = :id")
                    .param("id", a.getId()).query(byte[].class).optional()
                    .orElseThrow(() -> new IllegalStateException("Content of attachment " + a.getId() + " is missing"));
            case DIRECTORY -> {
                try {
                    yield Files.readAllBytes(file(a.getId()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Content of attachment " + a.getId() + " is unreadable", e);
                }
            }
        };
    }

    /** Must run in a transaction; a database row goes with the attachment row (on delete cascade). */
    void delete(Attachment a) {
        if (a.getStorage() == AttachmentProperties.Storage.DIRECTORY) {
            Path file = file(a.getId());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteQuietly(file);
                }
            });
        }
    }

    private void writeFile(long id, byte[] content) {
        Path target = file(id);
        try {
            Path dir = Objects.requireNonNull(target.getParent());
            if (!Files.isDirectory(dir)) {
                createPrivateDirectory(dir);
            }
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Path temp = dir.resolve(id + ".part");
            Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
        } catch (FileAlreadyExistsException e) {
            // An id is never reused; a file with it is a leftover of another database, not ours to overwrite.
            throw new IllegalStateException("Attachment file " + target + " already exists", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write attachment " + id, e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    deleteQuietly(target);
                }
            }
        });
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private Path file(long id) {
        return Objects.requireNonNull(properties.dir(), "app.attachments.dir").resolve(String.valueOf(id));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete attachment file {}", file, e);
        }
    }
}
