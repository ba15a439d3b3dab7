package org.protectioncases.legal;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.CaseOpened;
import org.protectioncases.legal.ConflictDto.FoundBy;
import org.protectioncases.legal.ConflictDto.MatchedAs;
import org.protectioncases.security.AppUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.MultiLine;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conflict-of-interest check and its clearance. A check searches only the user's own
 * partner's clients and opposing parties (current and past cases, merged duplicates folded into
 * the record kept); other partners' records are never searched, so nothing about them can show.
 * A possible conflict holds back work on the case until a coordinator clears it with a reason.
 */
@Service
public class ConflictService {

    public static final int REASON_MAX = 500;

    private final ConflictRepository repository;
    private final LegalAccess access;
    private final AuditService audit;

    ConflictService(ConflictRepository repository, LegalAccess access, AuditService audit) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
    }

    /** The case's conflicts found by the user's partner, open ones first. */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public List<ConflictDto> forCase(long caseId) {
        access.readable(caseId);
        Long partner = access.user().partnerId();
        return partner == null ? List.of() : repository.conflicts(caseId, partner);
    }

    /** Whether an uncleared conflict holds back work on the case. */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public boolean blocksWork(long caseId) {
        return repository.hasOpenConflict(caseId);
    }

    /** The partner's open conflicts, newest first (a page: the coordinator's work list). */
    @Allowed(Permission.CLEAR_CONFLICTS)
    @Transactional(readOnly = true)
    public List<ConflictDto> openForPartner(int offset, int limit) {
        return repository.openConflicts(access.partner(), offset, Math.min(limit, 200));
    }

    /** A coordinator of the partner clears a possible conflict, saying why; audited on the case. */
    @Allowed(Permission.CLEAR_CONFLICTS)
    @Transactional
    public ConflictDto clear(long conflictId, long version, @Size(max = REASON_MAX) @MultiLine @Nullable String reason) {
        AppUser user = access.user();
        long partner = access.partner();
        ConflictDto c = repository.conflict(conflictId, partner).orElseThrow(() -> new LegalRecordNotFoundException("conflict", conflictId));
        access.open(c.caseId(), "reason");
        new FieldErrors()
                .rejectIf(reason == null || reason.isBlank(), "reason", "legal.conflict.reasonRequired")
                .rejectIf(!c.open(), "reason", "legal.conflict.alreadyCleared")
                .throwIfAny();
        String why = reason == null ? "" : reason.strip();
        if (!repository.clear(conflictId, version, user.getUsername(), why)) {
            throw new OptimisticLockingFailureException("conflict " + conflictId + " changed meanwhile");
        }
        audit.recordMessage("CONFLICT_CLEARED", "case", c.caseId(), new AuditMessage("history.legal.conflictCleared",
                List.of(c.matchedCaseNo(), AuditMessage.keys(List.of(c.matchedAs().messageKey())), AuditMessage.text(why)),
                "possible conflict with case " + c.matchedCaseNo() + " (" + c.matchedAs() + ") cleared: " + why));
        return repository.conflict(conflictId, partner).orElseThrow();
    }

    /**
     * What the check for a new opposing party would find, without recording anything: the
     * partner's clients named like {@code name} (the benchmark measures this query).
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional(readOnly = true)
    public List<ConflictCandidate> clientsNamed(@Size(max = PartyForm.NAME_MAX) @MultiLine String name) {
        return repository.clientsNamed(access.partner(), name, -1).stream().map(ConflictService::candidate).toList();
    }

    /** What the check on opening a case for the person would find: opposing parties named like them. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional(readOnly = true)
    public List<ConflictCandidate> opposingPartiesLike(long personId) {
        return repository.opposingPartiesNamedLike(access.partner(), personId, -1).stream().map(ConflictService::candidate).toList();
    }

    private static ConflictCandidate candidate(ConflictRepository.Match m) {
        return new ConflictCandidate(m.caseId(), m.caseNo(), m.name(), m.score());
    }

    /** The check for a party just added (adverse parties only): is the name one of our clients? */
    List<ConflictDto> checkParty(long caseId, PartyDto party, AppUser user) {
        if (party.role() != PartyRole.OPPOSING_PARTY) {
            return List.of();
        }
        long partner = access.partner();
        List<ConflictDto> found = new ArrayList<>();
        for (ConflictRepository.Match m : repository.clientsNamed(partner, party.name(), caseId)) {
            long id = repository.insertConflict(caseId, partner, FoundBy.PARTY_ADDED, party.id(), party.name(), m, MatchedAs.CLIENT,
                    user.getUsername());
            found.add(repository.conflict(id, partner).orElseThrow());
        }
        recordFound(caseId, found);
        return found;
    }

    /** The check when a case is opened: is the new client an opposing party in another of our cases? */
    @EventListener
    void onCaseOpened(CaseOpened opened) {
        AppUser user = access.user();
        String name = repository.personName(opened.personId()).orElse("#" + opened.personId());
        List<ConflictDto> found = new ArrayList<>();
        for (ConflictRepository.Match m : repository.opposingPartiesNamedLike(opened.partnerId(), opened.personId(), opened.caseId())) {
            long id = repository.insertConflict(opened.caseId(), opened.partnerId(), FoundBy.CASE_OPENED, null, name, m,
                    MatchedAs.OPPOSING_PARTY, user.getUsername());
            found.add(repository.conflict(id, opened.partnerId()).orElseThrow());
        }
        recordFound(opened.caseId(), found);
    }

    private void recordFound(long caseId, List<ConflictDto> found) {
        if (!found.isEmpty()) {
            String caseNos = String.join(", ", found.stream().map(ConflictDto::matchedCaseNo).distinct().toList());
            audit.recordMessage("CONFLICT_FOUND", "case", caseId, new AuditMessage("history.legal.conflictFound",
                    List.of(AuditMessage.text(caseNos)), found.size() + " possible conflict(s) with case(s) " + caseNos));
        }
    }
}
