@NullMarked
package org.protectioncases.security.ui;

import org.jspecify.annotations.NullMarked;
