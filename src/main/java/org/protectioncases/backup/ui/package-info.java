/** The backup card the administrator's home page embeds. */
@NullMarked
@org.springframework.modulith.NamedInterface("ui")
package org.protectioncases.backup.ui;

import org.jspecify.annotations.NullMarked;
