package org.protectioncases.partners;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "partner")
class Partner {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = 16)
    private String code = "";

    @Column(nullable = false, length = 200)
    private String name = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private PartnerType type = PartnerType.IMPLEMENTING_PARTNER;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    protected Partner() {
    }

    Partner(String code, String name, PartnerType type, boolean active) {
        update(code, name, type, active);
    }

    void update(String code, String name, PartnerType type, boolean active) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.active = active;
        this.updatedAt = Instant.now();
    }

    PartnerDto toDto() {
        return new PartnerDto(id, code, name, type, active, version);
    }

    @Nullable Long getId() {
        return id;
    }
}
