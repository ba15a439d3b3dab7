@NullMarked
package org.protectioncases.dataprotection.ui;

import org.jspecify.annotations.NullMarked;
