@NullMarked
package org.protectioncases.shell;

import org.jspecify.annotations.NullMarked;
