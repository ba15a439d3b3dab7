/** Follow-up components other modules' pages (the home page) embed. */
@NullMarked
@org.springframework.modulith.NamedInterface("ui")
package org.protectioncases.followups.ui;

import org.jspecify.annotations.NullMarked;
