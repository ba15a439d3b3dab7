@NullMarked
package org.protectioncases.apitokens.ui;

import org.jspecify.annotations.NullMarked;
