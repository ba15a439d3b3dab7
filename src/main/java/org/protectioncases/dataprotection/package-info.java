/**
 * The data-protection lifecycle (issue #16): the retention schedule and its daily run, legal holds,
 * erasure on request (two people), built on the people module's irreversible anonymisation. It
 * decides what is due by reading the other modules' tables in SQL, read-only (as reports does), and
 * changes them only through their services: {@code people.PersonAnonymisationService},
 * {@code cases.CaseRetentionService}, {@code attachments.AttachmentService}, {@code audit.AuditService}.
 * Subject access collects a person's record through the people, cases and counselling services.
 * Nothing depends on this module.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"attachments", "audit", "cases", "counselling", "monitoring", "people", "security", "shared"})
package org.protectioncases.dataprotection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
