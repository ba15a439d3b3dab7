/**
 * Protection monitoring visits: returnee communities, collective shelters, border crossing points
 * and the airport; who was met, concerns observed, referrals made on the spot and follow-ups.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"attachments", "attachments :: ui", "audit", "audit :: ui", "cases",
        "cases :: ui-shared", "followups", "people", "people :: ui-shared", "reference", "security", "shared", "shelters"})
package org.protectioncases.monitoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
