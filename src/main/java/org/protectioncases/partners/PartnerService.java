package org.protectioncases.partners;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Maintains the partner organisations (ADMIN only; other roles read only their own partner's name). */
@Service
@Allowed(Permission.ADMINISTER)
public class PartnerService {


    private final PartnerRepository partners;
    private final AuditService audit;

    PartnerService(PartnerRepository partners, AuditService audit) {
        this.partners = partners;
        this.audit = audit;
    }

    /** One page of partners, filtered by code or name (empty filter: all), sorted as asked. */
    @Transactional(readOnly = true)
    public Page<PartnerDto> list(@Size(max = TextRules.FILTER) @SingleLine String filter, Pageable pageable) {
        return partners.search(filter.strip(), pageable).map(Partner::toDto);
    }

    /** Active partners for choosers such as the user form. */
    @Transactional(readOnly = true)
    public List<PartnerDto> listActive() {
        return partners.findByActiveTrueOrderByCode().stream().map(Partner::toDto).toList();
    }

    /** Active partners' codes and names, e.g. to choose where a case is transferred (not sensitive). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<PartnerDto> directory() {
        return listActive();
    }

    @Transactional(readOnly = true)
    public Optional<PartnerDto> get(long id) {
        return partners.findById(id).map(Partner::toDto);
    }

    @Transactional(readOnly = true)
    public Optional<PartnerDto> findByCode(@Size(max = PartnerDto.CODE_MAX) @SingleLine String code) {
        return partners.findByCodeIgnoreCase(code).map(Partner::toDto);
    }

    /**
     * Creates or updates a partner. Invalid input throws
     * {@link org.protectioncases.shared.FieldValidationException} and writes nothing.
     */
    @Transactional
    public PartnerDto save(@Valid PartnerDto dto) {
        String code = dto.code().strip().toUpperCase(Locale.ROOT);
        String name = dto.name().strip();
        // Required, format and length are the record's constraints, refused before this runs.
        partners.findByCodeIgnoreCase(code)
                .filter(existing -> !existing.getId().equals(dto.id()))
                .ifPresent(existing -> {
                    throw new FieldValidationException("code", "partner.validation.codeTaken");
                });
        Partner partner;
        if (dto.id() == null) {
            partner = new Partner(code, name, dto.type(), dto.active());
        } else {
            partner = partners.findById(dto.id()).orElseThrow(() -> new IllegalArgumentException("No partner " + dto.id()));
            if (partner.toDto().version() != dto.version()) {
                throw new ObjectOptimisticLockingFailureException(Partner.class, dto.id());
            }
            partner.update(code, name, dto.type(), dto.active());
        }
        try {
            Partner saved = partners.saveAndFlush(partner);
            audit.recordMessage(dto.id() == null ? "PARTNER_CREATED" : "PARTNER_UPDATED", "partner", saved.getId(), new AuditMessage(
                    "history.partner." + (dto.id() == null ? "created" : "updated") + (dto.active() ? "" : "Inactive"),
                    List.of(AuditMessage.text(code), AuditMessage.text(name), AuditMessage.keys(List.of(dto.type().messageKey()))),
                    code + " " + name + " " + dto.type() + (dto.active() ? "" : " inactive")));
            return saved.toDto();
        } catch (DataIntegrityViolationException e) {
            // Two admins saving the same code at once: the unique index decides, the form says why.
            throw new FieldValidationException("code", "partner.validation.codeTaken");
        }
    }
}
