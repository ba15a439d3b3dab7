/**
 * Legal practice tools for partner lawyers (issue #19): a case's parties and the conflict-of-interest
 * check, hearings, served decisions and deadlines computed from rules and Kosovo's public holidays,
 * and their reminders. Builds on cases through its public services and SPIs ({@code CasePageSection},
 * {@code CaseStatusGuard}, {@code CaseOpened}); nothing depends back on it.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"attachments", "audit", "cases", "followups", "security", "shared"})
package org.protectioncases.legal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
