package org.protectioncases.shared;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Creation and last-change times plus an optimistic-lock version for every editable record, so
 * two people editing the same record cannot silently overwrite each other. The two stamps are the
 * moment of writing, not a date rule, so they read the system clock rather than the {@code Clock}
 * bean (entities are not Spring beans); no rule or test depends on them.
 */
@MappedSuperclass
public abstract class VersionedEntity {

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
