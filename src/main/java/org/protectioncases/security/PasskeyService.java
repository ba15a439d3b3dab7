package org.protectioncases.security;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.SingleLine;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's passkeys (WebAuthn): listing and removing them. Registering one and signing
 * in with one are Spring Security's endpoints ({@code /webauthn/register}, {@code /login/webauthn},
 * called by {@code frontend/scripts/passkeys.js}); see {@link SecurityConfig} and
 * {@link PasskeySignIn}. Only a sign-in that owes no second factor may manage passkeys, so a stolen
 * password cannot add one.
 */
@Service
public class PasskeyService {

    /** The longest label a passkey can have. */
    public static final int MAX_LABEL = PasskeyCredentials.MAX_LABEL;
    /** The longest passkey id (base64url of a credential id, as the table holds it). */
    public static final int MAX_ID = 1000;

    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final UserCredentialRepository credentials;
    private final CurrentUser currentUser;
    private final AuditService audit;

    PasskeyService(PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials,
                   CurrentUser currentUser, AuditService audit) {
        this.userEntities = userEntities;
        this.credentials = credentials;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The signed-in user's passkeys, oldest first. */
    @Allowed(Permission.MANAGE_OWN_SECOND_FACTOR)
    @Transactional(readOnly = true)
    public List<PasskeyDto> mine() {
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(currentUser.require().getUsername());
        if (entity == null) {
            return List.of();
        }
        return credentials.findByUserId(entity.getId()).stream()
                .sorted(Comparator.comparing(CredentialRecord::getCreated, Comparator.nullsLast(Comparator.<Instant>naturalOrder())))
                .map(c -> new PasskeyDto(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(), c.getLastUsed()))
                .toList();
    }

    /** Removes one of the signed-in user's passkeys (audited); a passkey of another account is refused. */
    @Allowed(Permission.MANAGE_OWN_SECOND_FACTOR)
    @Transactional
    public void remove(@Size(max = MAX_ID) @SingleLine String id) {
        AppUser user = currentUser.require();
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(user.getUsername());
        Bytes credentialId = Bytes.fromBase64(id);
        CredentialRecord record = credentials.findByCredentialId(credentialId);
        if (entity == null || record == null || !record.getUserEntityUserId().equals(entity.getId())) {
            throw new AccessDeniedException("Not a passkey of this account");
        }
        credentials.delete(credentialId);
        audit.recordSecurityEvent(user.getUsername(), "PASSKEY_REMOVED", record.getLabel());
    }
}
