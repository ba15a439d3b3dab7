/** The legal module's views; {@link org.protectioncases.legal.ui.UpcomingLegalEvents} is shown on the home page. */
@NullMarked
@NamedInterface("ui")
package org.protectioncases.legal.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
