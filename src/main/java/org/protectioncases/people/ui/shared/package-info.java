/**
 * People components other modules' pages embed: the consent capture a referral, a transfer or a
 * visit referral offers when the person's consent is missing.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("ui-shared")
package org.protectioncases.people.ui.shared;

import org.jspecify.annotations.NullMarked;
