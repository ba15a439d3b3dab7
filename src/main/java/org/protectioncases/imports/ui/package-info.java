@NullMarked
package org.protectioncases.imports.ui;

import org.jspecify.annotations.NullMarked;
