package org.protectioncases.monitoring;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Role;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a visit, for the visit services: the owning partner's staff (and UNHCR
 * managers) see it; its monitors and the partner's coordinator change it. A visit one may not see
 * is "not found", and the attempt is logged.
 */
@Component
class VisitAccess {

    private final MonitoringVisitRepository visits;
    private final CurrentUser currentUser;
    private final AuditService audit;

    VisitAccess(MonitoringVisitRepository visits, CurrentUser currentUser, AuditService audit) {
        this.visits = visits;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    static boolean visible(AppUser user, MonitoringVisit v) {
        Long scope = user.partnerScope();
        return scope == null || scope == v.getOwningPartner();
    }

    static boolean editable(AppUser user, MonitoringVisit v) {
        return Objects.equals(user.partnerId(), v.getOwningPartner())
                && (user.role() == Role.PARTNER_COORDINATOR
                || user.role() == Role.PROTECTION_MONITOR && v.getMonitors().contains(user.getUsername()));
    }

    /** The visit if the current user may see it; otherwise the refusal is logged and it is "not found". */
    MonitoringVisit visibleVisit(long id) {
        AppUser user = currentUser.require();
        Optional<MonitoringVisit> found = visits.findById(id).filter(v -> visible(user, v));
        if (found.isEmpty()) {
            audit.recordAccess("visit", id, user.partnerId(), false);
            throw new VisitNotFoundException(id);
        }
        return found.get();
    }

    /** The visit if the user may change it, at {@code version} when one is given (else someone saved it meanwhile). */
    MonitoringVisit forChange(AppUser user, long id, @Nullable Long version) {
        MonitoringVisit v = visibleVisit(id);
        if (!editable(user, v)) {
            throw new AccessDeniedException("Visit " + id + " is not one you may change");
        }
        if (version != null && v.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(MonitoringVisit.class, id);
        }
        return v;
    }
}
