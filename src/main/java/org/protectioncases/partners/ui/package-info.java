@NullMarked
package org.protectioncases.partners.ui;

import org.jspecify.annotations.NullMarked;
