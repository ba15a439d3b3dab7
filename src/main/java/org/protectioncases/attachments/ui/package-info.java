/** The attachments panel that owner modules put on their record pages. */
@NullMarked
@NamedInterface("ui")
package org.protectioncases.attachments.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
