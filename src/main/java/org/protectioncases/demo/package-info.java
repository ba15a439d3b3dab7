@NullMarked
@ApplicationModule(allowedDependencies = {"cases", "counselling", "monitoring", "partners", "people",
        "reference", "reports", "reports :: factsheet", "security", "shared", "shelters"})
package org.protectioncases.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
