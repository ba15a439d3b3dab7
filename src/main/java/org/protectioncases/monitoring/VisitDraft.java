package org.protectioncases.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.VersionedEntity;

/** A visit form not yet recorded: what was typed so far, as JSON ({@link VisitForm}). */
@Entity
@Table(name = "visit_draft")
class VisitDraft extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(name = "owner_username", nullable = false, updatable = false)
    private String ownerUsername = "";
    @Column(name = "owning_partner", nullable = false, updatable = false)
    private long owningPartner;
    @Column(name = "payload", nullable = false)
    private String payload = "{}";

    protected VisitDraft() {
    }

    VisitDraft(String ownerUsername, long owningPartner, String payload) {
        this.ownerUsername = ownerUsername;
        this.owningPartner = owningPartner;
        this.payload = payload;
    }

    long getId() {
        return Objects.requireNonNull(id);
    }

    String getOwnerUsername() {
        return ownerUsername;
    }

    String getPayload() {
        return payload;
    }

    void setPayload(String payload) {
        this.payload = payload;
    }
}
