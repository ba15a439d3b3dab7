package org.protectioncases.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.protectioncases.shared.Role;

/** An administrator's choice whether a role needs a second factor. */
@Entity
@Table(name = "second_factor_policy")
class SecondFactorPolicyEntry {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role = Role.ADMIN;

    @Column(nullable = false)
    private boolean required;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy = "";

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt = Instant.EPOCH;  // set by set(..) before saving, or on loading

    protected SecondFactorPolicyEntry() {
    }

    SecondFactorPolicyEntry(Role role) {
        this.role = role;
    }

    void set(boolean required, String changedBy, Instant now) {
        this.required = required;
        this.changedBy = changedBy;
        this.changedAt = now;
    }

    Role role() {
        return role;
    }

    boolean required() {
        return required;
    }
}
