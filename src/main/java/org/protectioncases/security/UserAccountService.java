package org.protectioncases.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.partners.PartnerDto;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.partners.PartnerType;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.validation.CommandRules;
import org.protectioncases.shared.validation.Complete;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of user accounts (ADMIN only), plus the few things users do to their own
 * account. Every invalid input throws {@link FieldValidationException} before anything is written.
 */
@Service
public class UserAccountService {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");

    private final UserAccountRepository users;
    private final PartnerService partners;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final CommandRules commandRules;

    private final Clock clock;

    UserAccountService(UserAccountRepository users, PartnerService partners, PasswordPolicy passwordPolicy,
                       PasswordEncoder passwordEncoder, AuditService audit, ApplicationEventPublisher events,
                       CurrentUser currentUser, CommandRules commandRules, Clock clock) {
        this.clock = clock;
        this.commandRules = commandRules;
        this.users = users;
        this.partners = partners;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.events = events;
        this.currentUser = currentUser;
    }

    @Allowed(Permission.ADMINISTER)
    @Transactional(readOnly = true)
    public Page<UserAccountDto> list(@Size(max = TextRules.FILTER) @SingleLine String filter, Pageable pageable) {
        return users.search(filter.strip(), pageable).map(this::toDto);
    }

    @Allowed(Permission.ADMINISTER)
    @Transactional(readOnly = true)
    public Optional<UserAccountDto> get(long id) {
        return users.findById(id).map(this::toDto);
    }

    @Allowed(Permission.ADMINISTER)
    @Transactional(readOnly = true)
    public long countActiveAdmins() {
        return users.countByRoleAndEnabledTrue(Role.ADMIN);
    }

    /** Creates an account with its first password. */
    @Allowed(Permission.ADMINISTER)
    @Transactional
    public UserAccountDto create(@Valid NewUserAccount cmd) {
        String username = cmd.username().strip().toLowerCase(Locale.ROOT);
        // Username, full name and role given: NewUserAccount's Complete constraints, reported with the rules below.
        FieldErrors errors = commandRules.check(cmd, Complete.class)
                .rejectIf(!username.isEmpty() && !USERNAME.matcher(username).matches(), "username", "user.validation.usernameFormat");
        if (!errors.has("username") && users.findByUsername(username).isPresent()) {
            errors.rejectIf(true, "username", "user.validation.usernameTaken");
        }
        validateProfile(errors, cmd.email(), cmd.role(), cmd.partnerId(), cmd.language());
        passwordPolicy.check(cmd.password(), username).ifPresent(key -> errors.rejectIf(true, "password", key));
        errors.throwIfAny();

        UserAccount account = new UserAccount(username, passwordEncoder.encode(cmd.password()), clock.instant());
        account.update(cmd.fullName().strip(), blankToNull(cmd.email()), cmd.role(),
                cmd.role().needsPartner() ? cmd.partnerId() : null, cmd.language(), true);
        try {
            UserAccount saved = users.saveAndFlush(account);
            audit.recordMessage("USER_CREATED", "user_account", saved.getId(), new AuditMessage("history.user.created",
                    List.of(AuditMessage.text(username), AuditMessage.keys(List.of(cmd.role().messageKey()))), username + " " + cmd.role()));
            return toDto(saved);
        } catch (DataIntegrityViolationException e) {
            throw new FieldValidationException("username", "user.validation.usernameTaken");
        }
    }

    /** Updates profile, role, partner, language and enabled flag; the username never changes. */
    @Allowed(Permission.ADMINISTER)
    @Transactional
    public UserAccountDto update(@Valid UserAccountDto dto) {
        UserAccount account = users.findById(requireId(dto.id())).orElseThrow(() -> new IllegalArgumentException("No user " + dto.id()));
        if (account.getVersion() != dto.version()) {
            throw new ObjectOptimisticLockingFailureException(UserAccount.class, dto.id());
        }
        // Full name and role given: UserAccountDto's Complete constraints.
        FieldErrors errors = commandRules.check(dto, Complete.class);
        validateProfile(errors, dto.email(), dto.role(), dto.partnerId(), dto.language());
        boolean self = account.getUsername().equalsIgnoreCase(currentUser.username());
        errors.rejectIf(self && !dto.enabled(), "enabled", "user.validation.cannotDisableSelf");
        errors.rejectIf(self && dto.role() != Role.ADMIN, "role", "user.validation.cannotDemoteSelf");
        errors.throwIfAny();

        boolean accessChanged = account.isEnabled() != dto.enabled() || account.getRole() != dto.role()
                || !Objects.equals(account.getPartnerId(), dto.role().needsPartner() ? dto.partnerId() : null);
        account.update(dto.fullName().strip(), blankToNull(dto.email()), dto.role(),
                dto.role().needsPartner() ? dto.partnerId() : null, dto.language(), dto.enabled());
        UserAccount saved = users.saveAndFlush(account);
        audit.recordMessage(dto.enabled() ? "USER_UPDATED" : "USER_DISABLED", "user_account", saved.getId(),
                new AuditMessage(dto.enabled() ? "history.user.updated" : "history.user.disabled",
                        List.of(AuditMessage.text(saved.getUsername()), AuditMessage.keys(List.of(saved.getRole().messageKey()))),
                        saved.getUsername() + " " + saved.getRole() + (dto.enabled() ? "" : " disabled")));
        if (accessChanged) {
            events.publishEvent(new UserAccessChangedEvent(saved.getUsername()));
        }
        return toDto(saved);
    }

    /** Enables or disables an account; disabling ends the user's open sessions. */
    @Allowed(Permission.ADMINISTER)
    @Transactional
    public UserAccountDto setEnabled(long id, boolean enabled) {
        UserAccountDto current = get(id).orElseThrow(() -> new IllegalArgumentException("No user " + id));
        return update(new UserAccountDto(current.id(), current.username(), current.fullName(), current.email(),
                current.role(), current.partnerId(), current.language(), enabled, current.locked(), current.version()));
    }

    /** Sets a new password chosen by the administrator and lifts any lock. */
    @Allowed(Permission.ADMINISTER)
    @Transactional
    public void resetPassword(long id, @Size(max = TextRules.PASSWORD) @SingleLine String password) {
        UserAccount account = users.findById(id).orElseThrow(() -> new IllegalArgumentException("No user " + id));
        passwordPolicy.check(password, account.getUsername())
                .ifPresent(key -> { throw new FieldValidationException("password", key); });
        account.changePassword(passwordEncoder.encode(password), clock.instant());
        users.saveAndFlush(account);
        audit.recordMessage("USER_PASSWORD_RESET", "user_account", id, new AuditMessage("history.user.passwordReset",
                List.of(AuditMessage.text(account.getUsername())), account.getUsername()));
    }

    /**
     * Start-up recovery when no enabled administrator exists: creates {@code admin}, or re-enables
     * it with the given password if it exists but was disabled. Returns true when it created the account.
     */
    @Allowed(Permission.ADMINISTER)
    @Transactional
    public boolean restoreAdministrator(@Size(max = TextRules.USERNAME) @SingleLine String username,
                                        @Size(max = TextRules.PASSWORD) @SingleLine String password) {
        passwordPolicy.check(password, username).ifPresent(key -> { throw new FieldValidationException("password", key); });
        Optional<UserAccount> existing = users.findByUsername(username);
        if (existing.isEmpty()) {
            create(new NewUserAccount(username, "Administrator", null, Role.ADMIN, null, "en", password));
            return true;
        }
        UserAccount account = existing.get();
        account.update(account.getFullName(), account.getEmail(), Role.ADMIN, null, account.getPreferredLanguage(), true);
        account.changePassword(passwordEncoder.encode(password), clock.instant());
        users.saveAndFlush(account);
        audit.recordMessage("ADMIN_RESTORED", "user_account", account.getId(), new AuditMessage("history.user.adminRestored",
                List.of(AuditMessage.text(username)), username));
        return false;
    }

    /** Lawyers and coordinators of the coordinator's own partner, to assign cases to. */
    @Allowed(Permission.LIST_CASEWORKERS)
    @Transactional(readOnly = true)
    public List<UserAccountDto> caseworkers() {
        Long partner = currentUser.require().partnerId();
        return users.findByPartnerIdAndEnabledTrueAndRoleInOrderByFullName(partner,
                        List.of(Role.PARTNER_LAWYER, Role.PARTNER_COORDINATOR))
                .stream().map(this::toDto).toList();
    }

    /** Remembers the signed-in user's UI language. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnLanguage(Language language) {
        users.findByUsername(currentUser.username()).ifPresent(account -> {
            account.setPreferredLanguage(language.code());
            users.save(account);
        });
    }

    /** The profile's rules beyond its Complete constraints (a full name too long never gets here: @Size, checked by the advisor). */
    private void validateProfile(FieldErrors errors, @Nullable String email, @Nullable Role role, @Nullable Long partnerId, String language) {
        String mail = blankToNull(email);
        errors.rejectIf(mail != null && (mail.length() > 254 || !EMAIL.matcher(mail).matches()), "email", "user.validation.email");
        errors.rejectIf(Language.fromCode(language).isEmpty(), "language", "validation.required");
        if (role != null && role.needsPartner()) {
            if (partnerId == null) {
                errors.rejectIf(true, "partner", "user.validation.partnerRequired");
            } else {
                Optional<PartnerDto> partner = partners.get(partnerId);
                errors.rejectIf(partner.isEmpty() || !partner.get().active(), "partner", "user.validation.partnerInactive");
                errors.rejectIf(role == Role.UNHCR_MANAGER && partner.isPresent() && partner.get().type() != PartnerType.UNHCR,
                        "partner", "user.validation.managerNeedsUnhcr");
            }
        }
    }

    private static long requireId(@Nullable Long id) {
        if (id == null) {
            throw new IllegalArgumentException("An account to update needs an id");
        }
        return id;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private UserAccountDto toDto(UserAccount a) {
        return new UserAccountDto(a.getId(), a.getUsername(), a.getFullName(), a.getEmail(), a.getRole(), a.getPartnerId(),
                a.getPreferredLanguage(), a.isEnabled(), a.isLocked(clock.instant()), a.getVersion());
    }

    /**
     * Enabled staff of the signed-in user's partner who go on field visits with them: protection
     * monitors, coordinators and lawyers (e.g. the colleagues of a monitoring visit).
     */
    @Allowed(Permission.LIST_COLLEAGUES)
    @Transactional(readOnly = true)
    public List<UserAccountDto> partnerColleagues() {
        Long partner = currentUser.require().partnerId();
        return users.findByPartnerIdAndEnabledTrueAndRoleInOrderByFullName(partner,
                        List.of(Role.PROTECTION_MONITOR, Role.PARTNER_COORDINATOR, Role.PARTNER_LAWYER))
                .stream().map(this::toDto).toList();
    }
}
