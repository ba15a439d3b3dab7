/** Streaming CSV and XLSX table writers for report and list exports. */
@NullMarked
package org.protectioncases.shared.export;

import org.jspecify.annotations.NullMarked;
