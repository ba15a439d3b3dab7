package org.protectioncases.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An account's authenticator: its encrypted TOTP secret and the last time step a code was accepted for. */
@Entity
@Table(name = "second_factor")
class SecondFactorEnrolment {

    @Id
    @Column(name = "user_id")
    private Long userId = 0L;

    @Column(name = "totp_secret", nullable = false, length = 200)
    private String totpSecret = "";

    @Column(name = "confirmed_at")
    private @Nullable Instant confirmedAt;

    @Column(name = "last_used_step", nullable = false)
    private long lastUsedStep;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;  // set by the constructor or on loading

    protected SecondFactorEnrolment() {
    }

    SecondFactorEnrolment(long userId, String encryptedSecret, Instant now) {
        this.userId = userId;
        this.totpSecret = encryptedSecret;
        this.createdAt = now;
    }

    void confirm(Instant now, long step) {
        this.confirmedAt = now;
        this.lastUsedStep = step;
    }

    void used(long step) {
        this.lastUsedStep = step;
    }

    long userId() {
        return userId;
    }

    String encryptedSecret() {
        return totpSecret;
    }

    boolean confirmed() {
        return confirmedAt != null;
    }

    long lastUsedStep() {
        return lastUsedStep;
    }
}
