package org.protectioncases.cases;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.MultiLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving a case to another partner: requested with the person's consent to transfer, accepted or
 * declined by the receiving partner's coordinator. On acceptance the case and its person move; the
 * sender keeps read access to what it recorded until then ({@link CaseAccess}).
 */
@Service
public class CaseTransferService {

    // Column sizes (db-changelog/cases); the forms use the same constants.
    public static final int TRANSFER_REASON_MAX = 1000;
    public static final int DECISION_NOTE_MAX = 500;

    private final CaseRepository cases;
    private final CaseQueryRepository queries;
    private final TransferRepository transfers;
    private final CaseAccess access;
    private final PersonService people;
    private final ConsentService consents;
    private final PartnerService partners;
    private final CurrentUser currentUser;
    private final AuditService audit;

    CaseTransferService(CaseRepository cases, CaseQueryRepository queries, TransferRepository transfers, CaseAccess access,
                        PersonService people, ConsentService consents, PartnerService partners, CurrentUser currentUser,
                        AuditService audit) {
        this.cases = cases;
        this.queries = queries;
        this.transfers = transfers;
        this.access = access;
        this.people = people;
        this.consents = consents;
        this.partners = partners;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /**
     * Asks another partner to take over the case (e.g. KRCT for a survivor of torture). Needs the
     * person's recorded consent to transfer; the receiving partner's coordinator decides.
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public TransferDto requestTransfer(long caseId, long version, @Nullable Long toPartner,
                                       @Size(max = TRANSFER_REASON_MAX) @MultiLine String reason) {
        AppUser user = currentUser.require();
        ProtectionCase c = access.forWork(user, caseId, version);
        Optional<Long> consent = consents.activeConsent(c.getPersonId(), ConsentScope.TRANSFER);
        boolean knownPartner = toPartner != null && partners.directory().stream().anyMatch(p -> p.id().equals(toPartner));
        new FieldErrors()
                .rejectIf(consent.isEmpty(), "consent", "transfer.validation.noConsent")
                .rejectIf(!knownPartner || toPartner == c.getOwningPartner(), "toPartner", "transfer.validation.partner")
                .rejectIf(reason.isBlank(), "reason", "validation.required")
                .rejectIf(transfers.hasPending(caseId), "toPartner", "transfer.validation.pending")
                .throwIfAny();
        long id = transfers.request(caseId, c.getOwningPartner(), toPartner, reason.strip(), consent.get(), user.getUsername());
        audit.record("TRANSFER_REQUESTED", "case", caseId, "to partner " + toPartner + ": " + reason.strip());
        return transfers.find(id).orElseThrow();
    }

    /** Transfers waiting for the coordinator's partner to accept or decline. */
    @Allowed(Permission.COORDINATE_CASES)
    @Transactional(readOnly = true)
    public List<TransferDto> incomingTransfers() {
        return transfers.pendingTo(Objects.requireNonNull(currentUser.require().partnerId()));
    }

    /**
     * The receiving coordinator accepts (the case and its person move to their partner, assigned to
     * them; the sender keeps read access to what it recorded until now) or declines.
     */
    @Allowed(Permission.COORDINATE_CASES)
    @Transactional
    public TransferDto decideTransfer(long transferId, boolean accept, @Size(max = DECISION_NOTE_MAX) @MultiLine @Nullable String note) {
        AppUser user = currentUser.require();
        TransferDto t = transfers.find(transferId).filter(x -> Objects.equals(x.toPartner(), user.partnerId()) && x.pending())
                .orElseThrow(() -> new CaseNotFoundException(transferId));
        transfers.decide(transferId, accept, user.getUsername(), note == null || note.isBlank() ? null : note.strip());
        if (accept) {
            ProtectionCase c = cases.findById(t.caseId()).orElseThrow();
            c.transferTo(t.toPartner(), user.getUsername());
            cases.saveAndFlush(c);
            people.shareWithPartner(c.getPersonId(), t.toPartner(), "case " + t.caseNo() + " transferred");
            queries.recordStatusChange(c.getId(), c.getStatus(), c.getStatus(), "transferred to partner " + t.toPartner(), user.getUsername());
        }
        audit.record(accept ? "TRANSFER_ACCEPTED" : "TRANSFER_DECLINED", "case", t.caseId(),
                "from partner " + t.fromPartner() + " to " + t.toPartner() + (note == null || note.isBlank() ? "" : ": " + note.strip()));
        return transfers.find(transferId).orElseThrow();
    }
}
