package org.protectioncases.monitoring;

import org.protectioncases.attachments.AttachmentOwnerPolicy;
import org.springframework.stereotype.Component;

/** Visit attachments follow the visit: seen by its readers, added by those who may change it. */
@Component
class VisitAttachmentPolicy implements AttachmentOwnerPolicy {

    static final String KIND = "VISIT";

    private final VisitService visits;

    VisitAttachmentPolicy(VisitService visits) {
        this.visits = visits;
    }

    @Override
    public String ownerKind() {
        return KIND;
    }

    @Override
    public boolean canRead(long ownerId) {
        return visits.canSee(ownerId);
    }

    @Override
    public boolean canAttach(long ownerId) {
        return visits.canEdit(ownerId);
    }
}
