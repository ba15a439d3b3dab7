package org.protectioncases.cases;

import java.util.List;

/**
 * What closing a case would leave behind, asked before the closing dialog opens.
 *
 * @param openItems items to cancel or keep, one decision each
 * @param notices   message keys of what other modules say about closing (an open hearing or
 *                  deadline needs a reason), shown in the dialog
 */
public record ClosingCheck(List<OpenItem> openItems, List<String> notices) {
}
