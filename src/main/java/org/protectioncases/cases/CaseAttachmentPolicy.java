package org.protectioncases.cases;

import org.protectioncases.attachments.AttachmentOwnerPolicy;
import org.springframework.stereotype.Component;

/**
 * Case attachments follow the case: seen by those who see the case, added and deleted by those who may
 * change it while it is not closed (a closed case is read-only until reopened).
 */
@Component
class CaseAttachmentPolicy implements AttachmentOwnerPolicy {

    static final String KIND = "CASE";

    private final CaseService cases;

    CaseAttachmentPolicy(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public String ownerKind() {
        return KIND;
    }

    @Override
    public boolean canRead(long ownerId) {
        return cases.canSee(ownerId);
    }

    @Override
    public boolean canAttach(long ownerId) {
        return cases.canWork(ownerId);
    }
}
