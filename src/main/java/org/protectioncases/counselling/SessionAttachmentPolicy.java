package org.protectioncases.counselling;

import org.protectioncases.attachments.AttachmentOwnerPolicy;
import org.springframework.stereotype.Component;

/** Session attachments follow the session: seen by its readers, added by those who may change it. */
@Component
class SessionAttachmentPolicy implements AttachmentOwnerPolicy {

    static final String KIND = "SESSION";

    private final CounsellingService sessions;

    SessionAttachmentPolicy(CounsellingService sessions) {
        this.sessions = sessions;
    }

    @Override
    public String ownerKind() {
        return KIND;
    }

    @Override
    public boolean canRead(long ownerId) {
        return sessions.canSee(ownerId);
    }

    @Override
    public boolean canAttach(long ownerId) {
        return sessions.canEdit(ownerId);
    }
}
