@NullMarked
package org.protectioncases.counselling.ui;

import org.jspecify.annotations.NullMarked;
