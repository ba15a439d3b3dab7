@NullMarked
@ApplicationModule(allowedDependencies = {"cases", "counselling", "monitoring", "partners", "people",
        "reference", "reports", "security", "shared", "shelters"})
package org.protectioncases.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
