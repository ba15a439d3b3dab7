@NullMarked
package org.protectioncases.cases.ui;

import org.jspecify.annotations.NullMarked;
