package org.protectioncases.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.VersionedEntity;

@Entity
@Table(name = "user_account")
class UserAccount extends VersionedEntity {

    static final int MAX_FAILED_ATTEMPTS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = 64, updatable = false)
    private String username = "";

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName = "";

    @Column(length = 254)
    private @Nullable String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role = Role.PARTNER_LAWYER;

    @Column(name = "partner_id")
    private @Nullable Long partnerId;

    @Column(name = "preferred_language", nullable = false, length = 8)
    private String preferredLanguage = "en";

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash = "";

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private @Nullable Instant lockedUntil;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt = Instant.EPOCH;  // set by the constructor or on loading

    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    void update(String fullName, @Nullable String email, Role role, @Nullable Long partnerId, String language, boolean enabled) {
        this.fullName = fullName;
        this.email = email;
        this.role = role;
        this.partnerId = partnerId;
        this.preferredLanguage = language;
        this.enabled = enabled;
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        unlock();
    }

    /** Counts a failed login; returns true when this failure locks the account. */
    boolean registerFailure(Instant now, Duration lockFor) {
        failedAttempts++;
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            failedAttempts = 0;
            lockedUntil = now.plus(lockFor);
            return true;
        }
        return false;
    }

    void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void setPreferredLanguage(String language) {
        this.preferredLanguage = language;
    }

    @Nullable Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getFullName() {
        return fullName;
    }

    @Nullable String getEmail() {
        return email;
    }

    Role getRole() {
        return role;
    }

    @Nullable Long getPartnerId() {
        return partnerId;
    }

    String getPreferredLanguage() {
        return preferredLanguage;
    }

    boolean isEnabled() {
        return enabled;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    @Nullable Instant getLockedUntil() {
        return lockedUntil;
    }

    int getFailedAttempts() {
        return failedAttempts;
    }
}
