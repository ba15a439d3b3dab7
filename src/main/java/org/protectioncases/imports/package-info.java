/**
 * Bulk import of people from XLSX and CSV (issue #15): column and value mapping, a dry run through
 * the people module's own validation and duplicate search, batches with provenance and undo.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"people", "reference", "audit", "security", "shared"})
package org.protectioncases.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
