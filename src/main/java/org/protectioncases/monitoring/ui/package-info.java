@NullMarked
package org.protectioncases.monitoring.ui;

import org.jspecify.annotations.NullMarked;
