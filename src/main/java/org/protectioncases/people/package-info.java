/**
 * People of concern: registry, file, consents, households, merging. Depends on no module that
 * records work on people and reads none of their tables; such modules plug in through
 * {@link org.protectioncases.people.PersonSharingBasis} and listen to
 * {@link org.protectioncases.people.PersonsMerged}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"audit", "audit :: ui", "reference", "security", "shared"})
package org.protectioncases.people;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
