@NullMarked
@ApplicationModule(allowedDependencies = {"audit", "audit :: ui", "people", "reference", "security", "shared"})
package org.protectioncases.shelters;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
