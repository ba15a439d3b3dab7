package org.protectioncases.security;

import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.validation.SingleLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The second factor: enrolling an authenticator app (TOTP, RFC 6238), passing it at sign-in (or
 * with a one-time recovery code), and its administration (reset, which roles require one). A
 * passed factor is recorded on the sign-in as Spring Security's {@code FactorGrantedAuthority}
 * ({@link SecondFactors#TOTP_AUTHORITY}); method security ({@link Access}) lets a sign-in that
 * still owes it do nothing else. Wrong codes count toward the same lockout as wrong passwords.
 */
@Service
public class SecondFactorService {

    /** How many recovery codes an account gets at a time. */
    public static final int RECOVERY_CODES = 10;
    /** The longest code a user can type (a TOTP code or a recovery code, with spaces or dashes). */
    public static final int MAX_CODE = 32;
    private static final Logger log = LoggerFactory.getLogger(SecondFactorService.class);
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final UserAccountRepository users;
    private final SecondFactorEnrolmentRepository enrolments;
    private final RecoveryCodeRepository recoveryCodes;
    private final SecondFactorPolicyRepository policies;
    private final SecondFactorPolicy policy;
    private final SecondFactorCipher cipher;
    private final SessionFactors session;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final String issuer;
    private final SecureRandom random = new SecureRandom();
    Clock clock = Clock.systemUTC();

    SecondFactorService(UserAccountRepository users, SecondFactorEnrolmentRepository enrolments,
                        RecoveryCodeRepository recoveryCodes, SecondFactorPolicyRepository policies, SecondFactorPolicy policy,
                        SecondFactorCipher cipher, SessionFactors session, PasswordEncoder passwordEncoder, AuditService audit,
                        ApplicationEventPublisher events, CurrentUser currentUser,
                        @Value("${app.security.mfa.issuer:Protection Cases}") String issuer) {
        this.users = users;
        this.enrolments = enrolments;
        this.recoveryCodes = recoveryCodes;
        this.policies = policies;
        this.policy = policy;
        this.cipher = cipher;
        this.session = session;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.events = events;
        this.currentUser = currentUser;
        this.issuer = issuer;
    }

    /** The signed-in user's second factor. */
    @Allowed(Permission.PASS_SECOND_FACTOR)
    @Transactional(readOnly = true)
    public SecondFactorStatus status() {
        AppUser user = currentUser.require();
        boolean enrolled = enrolments.findById(user.id()).map(SecondFactorEnrolment::confirmed).orElse(false);
        return new SecondFactorStatus(enrolled, policy.requiredFor(user.role()), SecondFactors.passed(session.current()),
                enrolled ? recoveryCodes.findUnused(user.id()).size() : 0, users.hasPasskey(user.getUsername()),
                !policy.missing(session.current()));
    }

    /**
     * Starts enrolling an authenticator for the signed-in user: a new secret, kept encrypted until
     * {@link #confirmEnrolment} receives a first code from it (opening the page again shows the same
     * secret). A confirmed authenticator is never replaced here, so a stolen password cannot swap
     * the owner's authenticator: only an administrator's {@link #reset} removes it.
     */
    @Allowed(Permission.PASS_SECOND_FACTOR)
    @Transactional
    public TotpEnrolment startEnrolment() {
        AppUser user = currentUser.require();
        var existing = enrolments.findById(user.id());
        if (existing.isPresent() && existing.get().confirmed()) {
            throw new AccessDeniedException("An authenticator is enrolled; only an administrator's reset removes it");
        }
        byte[] secret;
        if (existing.isPresent()) {
            secret = cipher.decrypt(existing.get().encryptedSecret(), user.id());
        } else {
            secret = new byte[20];
            random.nextBytes(secret);
            enrolments.save(new SecondFactorEnrolment(user.id(), cipher.encrypt(secret, user.id()), clock.instant()));
        }
        String base32 = Base32.encode(secret);
        String label = encode(issuer) + ":" + encode(user.getUsername());
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new TotpEnrolment(base32.replaceAll("(.{4})(?!$)", "$1 "), uri, QrCodes.svgDataUrl(uri));
    }

    /**
     * Confirms the authenticator being enrolled with a first code from it. On success the sign-in
     * has passed its second factor and the ten new recovery codes are returned, to be shown once;
     * a wrong code returns an empty list and counts toward the lockout.
     */
    @Allowed(Permission.PASS_SECOND_FACTOR)
    @Transactional
    public List<String> confirmEnrolment(@Size(max = MAX_CODE) @SingleLine String code) {
        AppUser user = currentUser.require();
        SecondFactorEnrolment enrolment = enrolments.findById(user.id())
                .filter(e -> !e.confirmed())
                .orElseThrow(() -> new IllegalStateException("No authenticator is being enrolled"));
        UserAccount account = account(user);
        if (account.isLocked(clock.instant())) {
            return List.of();
        }
        OptionalLong step = Totp.matchingStep(cipher.decrypt(enrolment.encryptedSecret(), user.id()), code, clock.instant(), 0);
        if (step.isEmpty()) {
            failed(account, "SECOND_FACTOR_ENROLMENT_FAILED");
            return List.of();
        }
        enrolment.confirm(clock.instant(), step.getAsLong());
        account.unlock();
        List<String> codes = newRecoveryCodes(user.id());
        audit.recordSecurityEvent(user.getUsername(), "SECOND_FACTOR_ENROLLED", "authenticator app");
        session.addSecondFactor(clock);
        return codes;
    }

    /**
     * Checks a code typed at sign-in: a code from the enrolled authenticator (one step of clock
     * drift either way, each code once) or an unused recovery code (then used up). Passing adds the
     * second factor to the sign-in; a wrong code counts toward the lockout, and the failure that
     * locks the account ends its sessions.
     */
    @Allowed(Permission.PASS_SECOND_FACTOR)
    @Transactional
    public SecondFactorCheck verify(@Size(max = MAX_CODE) @SingleLine String code) {
        AppUser user = currentUser.require();
        UserAccount account = account(user);
        if (account.isLocked(clock.instant())) {
            events.publishEvent(new UserAccessChangedEvent(user.getUsername()));
            return SecondFactorCheck.LOCKED;
        }
        SecondFactorEnrolment enrolment = enrolments.findById(user.id()).filter(SecondFactorEnrolment::confirmed)
                .orElseThrow(() -> new IllegalStateException("No authenticator enrolled"));
        OptionalLong step = Totp.matchingStep(cipher.decrypt(enrolment.encryptedSecret(), user.id()), code, clock.instant(),
                enrolment.lastUsedStep());
        if (step.isPresent()) {
            enrolment.used(step.getAsLong());
            return passed(user, account, "SECOND_FACTOR_PASSED", "authenticator app");
        }
        String typed = normalizeRecoveryCode(code);
        if (typed.length() == 10) {
            for (RecoveryCode recovery : recoveryCodes.findUnused(user.id())) {
                if (passwordEncoder.matches(typed, recovery.codeHash())) {
                    recovery.use(clock.instant());
                    return passed(user, account, "RECOVERY_CODE_USED", null);
                }
            }
        }
        return failed(account, "SECOND_FACTOR_FAILED") ? SecondFactorCheck.LOCKED : SecondFactorCheck.WRONG;
    }

    /** Replaces the signed-in user's recovery codes with ten new ones, shown once. */
    @Allowed(Permission.MANAGE_OWN_SECOND_FACTOR)
    @Transactional
    public List<String> regenerateRecoveryCodes() {
        AppUser user = currentUser.require();
        if (!enrolments.findById(user.id()).map(SecondFactorEnrolment::confirmed).orElse(false)) {
            throw new IllegalStateException("No authenticator enrolled");
        }
        List<String> codes = newRecoveryCodes(user.id());
        audit.recordSecurityEvent(user.getUsername(), "RECOVERY_CODES_REGENERATED", null);
        return codes;
    }

    /**
     * True when a sensitive step (creating an API token) must first ask for a code: a person's
     * sign-in that has not passed its second factor within {@link SecondFactors#RECENT}.
     */
    @Allowed(Permission.PASS_SECOND_FACTOR)
    public boolean recentSecondFactorNeeded() {
        var authentication = session.current();
        return SecondFactors.interactive(authentication) && !SecondFactors.passedWithin(authentication, SecondFactors.RECENT, clock);
    }

    /**
     * Throws unless the sign-in passed its second factor within {@link SecondFactors#RECENT}. Work
     * the server does itself (no password factor: {@link SystemAccess}) is not a person's sign-in
     * and passes.
     */
    @Allowed(Permission.PASS_SECOND_FACTOR)
    public void requireRecent() {
        if (recentSecondFactorNeeded()) {
            throw new AccessDeniedException("This step needs a second factor passed in the last " + SecondFactors.RECENT.toMinutes() + " minutes");
        }
    }

    /** Whether the account has a confirmed authenticator. */
    @Allowed(Permission.ADMINISTER_SECOND_FACTORS)
    @Transactional(readOnly = true)
    public boolean enrolled(long userId) {
        return enrolments.findById(userId).map(SecondFactorEnrolment::confirmed).orElse(false);
    }

    /**
     * Removes a user's authenticator, recovery codes and passkeys and ends the user's open sessions:
     * at the next sign-in the user enrols again (when the role requires it).
     */
    @Allowed(Permission.ADMINISTER_SECOND_FACTORS)
    @Transactional
    public void reset(long userId) {
        UserAccount account = users.findById(userId).orElseThrow(() -> new IllegalArgumentException("No user " + userId));
        enrolments.findById(userId).ifPresent(enrolments::delete);
        recoveryCodes.deleteByUserId(userId);
        users.deletePasskeys(account.getUsername());
        audit.recordMessage("SECOND_FACTOR_RESET", "user_account", userId, new AuditMessage("history.user.secondFactorReset",
                List.of(AuditMessage.text(account.getUsername())), account.getUsername()));
        events.publishEvent(new UserAccessChangedEvent(account.getUsername()));
    }

    /** Every role and whether it must pass a second factor. */
    @Allowed(Permission.ADMINISTER_SECOND_FACTORS)
    @Transactional(readOnly = true)
    public Map<Role, Boolean> policy() {
        return policy.all();
    }

    /** Sets whether a role must pass a second factor; takes effect at each user's next step. */
    @Allowed(Permission.ADMINISTER_SECOND_FACTORS)
    @Transactional
    public void setRequired(Role role, boolean required) {
        SecondFactorPolicyEntry entry = policies.findById(role).orElseGet(() -> new SecondFactorPolicyEntry(role));
        entry.set(required, currentUser.username(), clock.instant());
        policies.save(entry);
        audit.recordMessage("SECOND_FACTOR_POLICY", "role", null, new AuditMessage(required ? "history.user.secondFactorRequired"
                : "history.user.secondFactorNotRequired", List.of(AuditMessage.keys(List.of(role.messageKey()))),
                role + (required ? " required" : " not required")));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                policy.reload();
            }
        });
    }

    private SecondFactorCheck passed(AppUser user, UserAccount account, String event, @Nullable String detail) {
        account.unlock();
        audit.recordSecurityEvent(user.getUsername(), event, detail);
        session.addSecondFactor(clock);
        return SecondFactorCheck.PASSED;
    }

    /** Counts a wrong code as a failed login; returns true when it locked the account (its sessions then end). */
    private boolean failed(UserAccount account, String event) {
        audit.recordSecurityEvent(account.getUsername(), event, null);
        if (account.registerFailure(clock.instant(), LoginAttemptListener.LOCK_DURATION)) {
            log.warn("Account '{}' locked for {} after {} failed codes or logins", account.getUsername(),
                    LoginAttemptListener.LOCK_DURATION, UserAccount.MAX_FAILED_ATTEMPTS);
            audit.recordSecurityEvent(account.getUsername(), "ACCOUNT_LOCKED", "after " + UserAccount.MAX_FAILED_ATTEMPTS + " failed attempts");
            events.publishEvent(new UserAccessChangedEvent(account.getUsername()));
            return true;
        }
        return false;
    }

    private List<String> newRecoveryCodes(long userId) {
        recoveryCodes.deleteByUserId(userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            recoveryCodes.save(new RecoveryCode(userId, passwordEncoder.encode(code.toString())));
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    static String normalizeRecoveryCode(String typed) {
        return typed.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
    }

    private UserAccount account(AppUser user) {
        return users.findById(user.id()).orElseThrow(() -> new AccessDeniedException("No account"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
