package org.protectioncases.apitokens;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.security.SecondFactorService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.SingleLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal tokens for the reporting API, managed by UNHCR managers: they issue a token to
 * themselves or to a partner coordinator (the people who read reports), see every token (never
 * its secret) and revoke any. Creating and revoking are audited on the token.
 */
@Service
@Allowed(Permission.MANAGE_API_TOKENS)
public class ApiTokenService {

    /** Expiry dates are whole days in the server's zone: a token works until the end of its day. */
    static final ZoneId ZONE = ZoneId.systemDefault();
    /** api_token.name is varchar(100); the token form uses the same constant. */
    public static final int MAX_NAME = 100;

    private final ApiTokenRepository tokens;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final SecondFactorService secondFactor;

    ApiTokenService(ApiTokenRepository tokens, CurrentUser currentUser, AuditService audit, SecondFactorService secondFactor) {
        this.tokens = tokens;
        this.secondFactor = secondFactor;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The accounts a token may be issued to: enabled UNHCR managers and partner coordinators. */
    @Allowed(Permission.MANAGE_API_TOKENS)
    @Transactional(readOnly = true)
    public List<TokenOwner> owners() {
        return tokens.owners();
    }

    /** Every token, newest first, with its owner; never the secret. */
    @Allowed(Permission.MANAGE_API_TOKENS)
    @Transactional(readOnly = true)
    public List<ApiTokenDto> list() {
        return tokens.all();
    }

    /**
     * Issues a token. The returned secret is the only copy: show it once. A person's sign-in must
     * have passed its second factor in the last few minutes ({@link SecondFactorService#requireRecent}).
     *
     * @param expiresOn last day the token works: after today and at most one year ahead
     */
    @Allowed(Permission.MANAGE_API_TOKENS)
    @Transactional
    public CreatedApiToken create(@Required @Nullable Long owner, @Required @Size(max = MAX_NAME) @SingleLine @Nullable String name,
                                  @Required @Nullable LocalDate expiresOn) {
        secondFactor.requireRecent();
        // Owner, name and expiry are required by the parameters' constraints (named as the form's fields).
        long ownerId = Objects.requireNonNull(owner);
        LocalDate today = LocalDate.now(ZONE);
        String label = Objects.requireNonNull(name).strip();
        Optional<TokenOwner> found = tokens.owners().stream().filter(o -> o.id() == ownerId).findFirst();
        new FieldErrors()
                .rejectIf(found.isEmpty(), "owner", "apitoken.validation.owner")
                .rejectIf(expiresOn != null && !expiresOn.isAfter(today), "expiresOn", "apitoken.validation.expiryPast")
                .rejectIf(expiresOn != null && expiresOn.isAfter(today.plusYears(1)), "expiresOn", "apitoken.validation.expiryMax")
                .throwIfAny();
        TokenOwner holder = found.orElseThrow();
        Instant expiresAt = Objects.requireNonNull(expiresOn).plusDays(1).atStartOfDay(ZONE).toInstant();
        TokenSecrets.Generated generated = TokenSecrets.generate();
        long id = tokens.insert(holder.id(), label, generated.prefix(), generated.hash(), expiresAt, currentUser.username());
        audit.recordMessage("API_TOKEN_CREATED", "api_token", id, new AuditMessage("history.token.created",
                List.of(AuditMessage.text(generated.prefix()), AuditMessage.text(label), AuditMessage.text(holder.username()),
                        Formats.date(expiresOn)),
                "pc_" + generated.prefix() + " \"" + label + "\" for " + holder.username() + ", expires "
                        + expiresOn.format(DateTimeFormatter.ISO_LOCAL_DATE)));
        return new CreatedApiToken(tokens.find(id).orElseThrow(), generated.token());
    }

    /** Revokes a token at once (the next request with it gets 401). Revoking twice changes nothing. */
    @Allowed(Permission.MANAGE_API_TOKENS)
    @Transactional
    public ApiTokenDto revoke(long id) {
        ApiTokenDto token = tokens.find(id).orElseThrow(() -> new IllegalArgumentException("No API token " + id));
        if (tokens.revoke(id, currentUser.username())) {
            audit.recordMessage("API_TOKEN_REVOKED", "api_token", id, new AuditMessage("history.token.revoked",
                    List.of(AuditMessage.text(token.prefix()), AuditMessage.text(token.name()), AuditMessage.text(token.ownerUsername())),
                    "pc_" + token.prefix() + " \"" + token.name() + "\" of " + token.ownerUsername()));
        }
        return tokens.find(id).orElseThrow();
    }
}
