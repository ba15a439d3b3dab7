@NullMarked
@ApplicationModule(allowedDependencies = {"audit", "partners", "shared"})
package org.protectioncases.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
