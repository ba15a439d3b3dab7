package org.protectioncases.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Spring Security's JDBC credential store with two rules of ours at registration: the label the
 * user typed is bounded ({@link #MAX_LABEL} characters, no control characters) and every new
 * passkey is in the audit trail. Later saves (the signature counter and "last used" after each
 * sign-in) pass straight through.
 */
final class PasskeyCredentials implements UserCredentialRepository {

    static final int MAX_LABEL = 64;

    private final UserCredentialRepository delegate;
    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final AuditService audit;

    PasskeyCredentials(UserCredentialRepository delegate, PublicKeyCredentialUserEntityRepository userEntities, AuditService audit) {
        this.delegate = delegate;
        this.userEntities = userEntities;
        this.audit = audit;
    }

    /** Whether a label typed by the user is one we store. */
    static boolean acceptableLabel(@Nullable String label) {
        return label != null && !label.isBlank() && label.strip().length() <= MAX_LABEL
                && TextRules.firstControlCharacter(label, false) < 0;
    }

    @Override
    public void save(CredentialRecord record) {
        boolean added = delegate.findByCredentialId(record.getCredentialId()) == null;
        if (added && !acceptableLabel(record.getLabel())) {
            throw new IllegalArgumentException("Passkey label must be 1 to " + MAX_LABEL + " characters on one line");
        }
        delegate.save(record);
        if (added) {
            PublicKeyCredentialUserEntity user = userEntities.findById(record.getUserEntityUserId());
            audit.recordSecurityEvent(user == null ? "unknown" : user.getName(), "PASSKEY_REGISTERED", record.getLabel().strip());
        }
    }

    @Override
    public void delete(Bytes credentialId) {
        delegate.delete(credentialId);
    }

    @Override
    public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
        return delegate.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return delegate.findByUserId(userId);
    }
}
