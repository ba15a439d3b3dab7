package org.protectioncases.cases;

import java.util.List;

/**
 * Published inside the transaction that cleared these cases' texts and files (retention of closed
 * cases, or anonymisation of their person): modules that record work on cases clear theirs.
 */
public record CasesAnonymised(List<Long> caseIds) {
}
