/** Security UI other modules may use: the dialog that asks for a fresh second-factor code. */
@org.springframework.modulith.NamedInterface("ui-shared")
@NullMarked
package org.protectioncases.security.ui.shared;

import org.jspecify.annotations.NullMarked;
