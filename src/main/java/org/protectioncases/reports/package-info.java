@NullMarked
@ApplicationModule(allowedDependencies = {"audit", "cases", "counselling", "monitoring", "people",
        "reference", "security", "shared"})
package org.protectioncases.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
