package org.protectioncases.attachments;

/**
 * Implemented (as a Spring bean) by each module whose records take attachments. Answers for the
 * signed-in user, with the module's own visibility and edit rules, so attachments are never more
 * visible than the record they belong to.
 */
public interface AttachmentOwnerPolicy {

    /** The kind of record, e.g. {@code CASE}; its lower case is the entity type in the audit trail. */
    String ownerKind();

    /** Whether the signed-in user may see the record, and so list and download its attachments. */
    boolean canRead(long ownerId);

    /** Whether the signed-in user may add attachments to the record and delete them. */
    boolean canAttach(long ownerId);
}
