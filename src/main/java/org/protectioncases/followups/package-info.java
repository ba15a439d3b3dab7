@NullMarked
@ApplicationModule(allowedDependencies = {"shared"})
package org.protectioncases.followups;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
