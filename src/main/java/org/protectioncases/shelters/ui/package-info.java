@NullMarked
package org.protectioncases.shelters.ui;

import org.jspecify.annotations.NullMarked;
