@NullMarked
package org.protectioncases.legal.ui;

import org.jspecify.annotations.NullMarked;
