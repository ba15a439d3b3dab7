@NullMarked
@ApplicationModule(allowedDependencies = {"attachments", "attachments :: ui", "audit", "audit :: ui",
        "followups", "partners", "people", "people :: ui-shared", "security", "shared"})
package org.protectioncases.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
