@NullMarked
package org.protectioncases.backup.ui;

import org.jspecify.annotations.NullMarked;
