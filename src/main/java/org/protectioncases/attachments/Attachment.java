package org.protectioncases.attachments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An attachment's metadata; its bytes are in {@code attachment_content} or a file (see {@link ContentStore}). Never changed once saved. */
@Entity
@Table(name = "attachment")
class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(name = "owner_kind", nullable = false, updatable = false)
    private String ownerKind = "";
    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;
    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName = "";
    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType = "";
    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;
    @Column(nullable = false, updatable = false)
    private String sha256 = "";
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AttachmentProperties.Storage storage = AttachmentProperties.Storage.DATABASE;
    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy = "";
    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt = Instant.EPOCH;  // set by the constructor or on loading

    protected Attachment() {
    }

    Attachment(String ownerKind, long ownerId, String fileName, String contentType, long size, String sha256,
               AttachmentProperties.Storage storage, String uploadedBy, Instant uploadedAt) {
        this.ownerKind = ownerKind;
        this.ownerId = ownerId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.storage = storage;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    long getId() {
        return Objects.requireNonNull(id);
    }

    String getOwnerKind() {
        return ownerKind;
    }

    long getOwnerId() {
        return ownerId;
    }

    String getFileName() {
        return fileName;
    }

    String getContentType() {
        return contentType;
    }

    long getSize() {
        return size;
    }

    String getSha256() {
        return sha256;
    }

    AttachmentProperties.Storage getStorage() {
        return storage;
    }

    AttachmentInfo toInfo() {
        return new AttachmentInfo(getId(), fileName, contentType, size, uploadedBy, uploadedAt);
    }
}
