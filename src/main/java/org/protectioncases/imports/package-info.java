/**
 * Bulk import of people, cases and counselling sessions from XLSX and CSV (issue #15): column and
 * value mapping, a dry run through the owning module's own validation (for people also its
 * duplicate search), batches with provenance and undo.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"people", "cases", "counselling", "reference", "audit", "security", "shared"})
package org.protectioncases.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
