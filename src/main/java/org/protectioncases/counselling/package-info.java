@NullMarked
@ApplicationModule(allowedDependencies = {"attachments", "attachments :: ui", "audit", "audit :: ui", "cases",
        "followups", "people", "security", "shared"})
package org.protectioncases.counselling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
