@NullMarked
package org.protectioncases.reports;

import org.jspecify.annotations.NullMarked;
