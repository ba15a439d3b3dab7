/** The history and access-log tables every record page shows. */
@NullMarked
@org.springframework.modulith.NamedInterface("ui")
package org.protectioncases.audit.ui;

import org.jspecify.annotations.NullMarked;
