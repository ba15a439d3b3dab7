@NullMarked
@ApplicationModule(allowedDependencies = {"backup", "backup :: ui", "cases", "counselling", "followups", "followups :: ui", "legal", "legal :: ui",
        "monitoring", "people", "security", "shared", "shelters"})
package org.protectioncases.shell;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
