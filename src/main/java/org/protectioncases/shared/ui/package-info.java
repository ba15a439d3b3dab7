@NullMarked
package org.protectioncases.shared.ui;

import org.jspecify.annotations.NullMarked;
