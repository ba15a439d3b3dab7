package org.protectioncases.partners;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.VersionedEntity;

@Entity
@Table(name = "partner")
class Partner extends VersionedEntity {

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
    }

    PartnerDto toDto() {
        return new PartnerDto(id, code, name, type, active, getVersion());
    }

    @Nullable Long getId() {
        return id;
    }
}
