@NullMarked
package org.protectioncases.shared.i18n;

import org.jspecify.annotations.NullMarked;
