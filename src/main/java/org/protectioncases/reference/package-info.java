@NullMarked
@ApplicationModule(allowedDependencies = {"shared"})
package org.protectioncases.reference;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
