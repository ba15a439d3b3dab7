@NullMarked
package org.protectioncases.reports.ui;

import org.jspecify.annotations.NullMarked;
