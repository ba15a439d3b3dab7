@NullMarked
@ApplicationModule(allowedDependencies = {"shared"})
package org.protectioncases.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
