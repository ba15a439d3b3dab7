package org.protectioncases.dataprotection;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.PersonAnonymisationService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.SingleLine;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Erasure on request, with two people: a coordinator of the partner that registered the person asks
 * (with a reason), a UNHCR manager who is not the requester confirms, and the person is anonymised
 * at once ({@link PersonAnonymisationService}: the same invariant on statistics as retention). A
 * person under legal hold cannot be erased until the hold is released. Every step is audited.
 */
@Service
public class ErasureService {

    private final RetentionRepository repository;
    private final RetentionRunner runner;
    private final PersonAnonymisationService anonymisation;
    private final CurrentUser currentUser;
    private final AuditService audit;

    ErasureService(RetentionRepository repository, RetentionRunner runner, PersonAnonymisationService anonymisation,
                   CurrentUser currentUser, AuditService audit) {
        this.repository = repository;
        this.runner = runner;
        this.anonymisation = anonymisation;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** A coordinator asks to erase one of the partner's people (by registration number). */
    @Allowed(Permission.REQUEST_ERASURE)
    public ErasureRequest request(@Size(max = 20) @SingleLine String registrationNo,
                                  @Size(max = ErasureRequest.REASON_MAX) @SingleLine String reason) {
        AppUser user = currentUser.require();
        Long partner = user.partnerId();
        return runner.asSystem(() -> {
            @Nullable Long person = repository.currentPerson(registrationNo.strip());
            // Another partner's person is answered like an unknown number: its existence is not theirs to learn.
            boolean own = person != null && partner != null && partner.equals(repository.registeringPartner(person));
            new FieldErrors().rejectIf(!own, "registrationNo", "dataprotection.validation.person")
                    .rejectIf(reason.isBlank(), "reason", "dataprotection.validation.reason")
                    .throwIfAny();
            new FieldErrors().rejectIf(repository.hasPending(person), "registrationNo", "dataprotection.validation.pending").throwIfAny();
            long id;
            try {
                id = repository.insertRequest(person, partner, reason.strip(), user.getUsername());
            } catch (DuplicateKeyException e) {
                throw new FieldValidationException(Map.of("registrationNo", "dataprotection.validation.pending"));
            }
            audit.recordMessage("ERASURE_REQUESTED", "person", person, new AuditMessage("history.dataprotection.erasureRequested",
                    List.of(String.valueOf(id), AuditMessage.text(reason.strip())),
                    "request " + id + " by " + user.getUsername() + ": " + reason.strip()));
            return repository.request(id).orElseThrow();
        });
    }

    /** Requests, newest first: managers all, a coordinator their partner's. */
    @Allowed(Permission.REVIEW_RETENTION)
    public List<ErasureRequest> requests(@Nullable ErasureStatus status, int offset, int limit) {
        AppUser user = currentUser.require();
        @Nullable Long partner = user.partnerScope();
        return runner.asSystem(() -> repository.requests(status, partner, Math.max(0, offset),
                Math.min(Math.max(limit, 0), RetentionService.PAGE_MAX)));
    }

    /**
     * A UNHCR manager confirms: the person is anonymised now. The requester can never confirm their
     * own request (also a database check), and a held person is refused.
     */
    @Allowed(Permission.CONFIRM_ERASURE)
    public ErasureRequest confirm(long requestId) {
        String manager = currentUser.require().getUsername();
        return runner.asSystem(() -> {
            ErasureRequest r = pending(requestId);
            new FieldErrors().rejectIf(r.requestedBy().equals(manager), "request", "dataprotection.validation.samePerson")
                    .rejectIf(repository.isHeld(r.personId()), "request", "dataprotection.validation.held")
                    .throwIfAny();
            repository.decide(requestId, ErasureStatus.CONFIRMED, manager);
            // Joins this system transaction: the anonymisation and the decision commit together.
            anonymisation.anonymise(List.of(r.personId()), new AuditMessage("history.person.anonymisedErasure",
                    List.of(String.valueOf(requestId)), "erasure request " + requestId));
            audit.recordMessage("ERASURE_CONFIRMED", "person", r.personId(), new AuditMessage("history.dataprotection.erasureConfirmed",
                    List.of(String.valueOf(requestId), AuditMessage.text(r.requestedBy())),
                    "request " + requestId + " requested by " + r.requestedBy() + ", confirmed by " + manager));
            return repository.request(requestId).orElseThrow();
        });
    }

    /** A UNHCR manager rejects a request; audited. */
    @Allowed(Permission.CONFIRM_ERASURE)
    public ErasureRequest reject(long requestId) {
        String manager = currentUser.require().getUsername();
        return runner.asSystem(() -> {
            ErasureRequest r = pending(requestId);
            new FieldErrors().rejectIf(r.requestedBy().equals(manager), "request", "dataprotection.validation.samePerson").throwIfAny();
            repository.decide(requestId, ErasureStatus.REJECTED, manager);
            audit.recordMessage("ERASURE_REJECTED", "person", r.personId(), new AuditMessage("history.dataprotection.erasureRejected",
                    List.of(String.valueOf(requestId)), "request " + requestId + " rejected by " + manager));
            return repository.request(requestId).orElseThrow();
        });
    }

    private ErasureRequest pending(long requestId) {
        ErasureRequest r = repository.request(requestId).orElse(null);
        new FieldErrors().rejectIf(r == null || r.status() != ErasureStatus.PENDING, "request", "dataprotection.validation.notPending")
                .throwIfAny();
        return r;
    }
}
