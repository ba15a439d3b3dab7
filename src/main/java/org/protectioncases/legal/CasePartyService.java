package org.protectioncases.legal;

import jakarta.validation.Valid;
import java.util.List;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The parties of a case; adding an opposing party runs the conflict check in the same transaction. */
@Service
public class CasePartyService {

    private final ConflictRepository repository;
    private final ConflictService conflicts;
    private final LegalAccess access;
    private final AuditService audit;

    CasePartyService(ConflictRepository repository, ConflictService conflicts, LegalAccess access, AuditService audit) {
        this.repository = repository;
        this.conflicts = conflicts;
        this.access = access;
        this.audit = audit;
    }

    /** The case's parties in the order they were added (a case has a handful, never a page's worth). */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public List<PartyDto> forCase(long caseId) {
        access.readable(caseId);
        return repository.parties(caseId);
    }

    /** Whether the user may add parties (and other legal records) to the case. */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public boolean canChange(long caseId) {
        return access.mayChange(caseId);
    }

    /** Adds a party; an opposing party is checked against the partner's own clients at once. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public PartyAdded add(long caseId, @Valid PartyForm form) {
        access.open(caseId, "name");
        AppUser user = access.user();
        String name = form.name() == null ? "" : form.name().strip();
        String organisation = form.organisation() == null || form.organisation().isBlank() ? null : form.organisation().strip();
        long id = repository.insertParty(caseId, form.role(), name, organisation, user.getUsername());
        PartyDto party = repository.party(id).orElseThrow();
        audit.recordMessage("PARTY_ADDED", "case", caseId, new AuditMessage("history.legal.party",
                List.of(AuditMessage.keys(List.of(form.role().messageKey())), AuditMessage.text(name)), form.role() + " party #" + id));
        return new PartyAdded(party, conflicts.checkParty(caseId, party, user));
    }
}
