/**
 * Building blocks every module may use: roles, validation errors, languages, the embedded
 * database and small UI helpers. Depends on no feature module.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package org.protectioncases.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
