/**
 * Personal API tokens for the read-only reporting API: UNHCR managers issue them to themselves
 * and to partner coordinators, and revoke them; a stateless filter chain for {@code /api/**}
 * authenticates a bearer token as its owner with the owner's current role and partner.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"audit", "security", "security :: ui-shared", "shared"})
package org.protectioncases.apitokens;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
