@NullMarked
package org.protectioncases.shell.ui;

import org.jspecify.annotations.NullMarked;
