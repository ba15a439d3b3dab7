/**
 * The live factsheet: its figures, the dated reported figures managers enter, the cache and the
 * PDF. A named interface because the demo module seeds the 2019 reported figures through it.
 */
@NullMarked
@NamedInterface("factsheet")
package org.protectioncases.reports.factsheet;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
