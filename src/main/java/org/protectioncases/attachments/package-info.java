/**
 * Attachments (scans of documents, decisions, photos) of records owned by other modules: cases,
 * counselling sessions, monitoring visits. The owning modules depend on this one, never the
 * reverse: each contributes an {@link org.protectioncases.attachments.AttachmentOwnerPolicy} bean
 * that says who may read and attach for its records.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"audit", "security", "shared"})
package org.protectioncases.attachments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
