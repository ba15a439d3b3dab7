@NullMarked
@ApplicationModule(allowedDependencies = {"audit", "shared"})
package org.protectioncases.partners;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
