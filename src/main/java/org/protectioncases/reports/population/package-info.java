/** The population statistics' vocabulary: populations, dimensions and the tables built from them. */
@NullMarked
package org.protectioncases.reports.population;

import org.jspecify.annotations.NullMarked;
