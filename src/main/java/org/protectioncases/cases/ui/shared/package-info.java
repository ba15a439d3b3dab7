/** Case-related components that other modules' pages embed (e.g. the referral answer dialog on visits). */
@NullMarked
@org.springframework.modulith.NamedInterface("ui-shared")
package org.protectioncases.cases.ui.shared;

import org.jspecify.annotations.NullMarked;
