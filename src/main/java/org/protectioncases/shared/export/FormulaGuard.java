package org.protectioncases.shared.export;

/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell that starts with {@code = + - @},
 * a tab or a line break is read by Excel and LibreOffice as a formula, so a name typed as
 * {@code =HYPERLINK("http://x","y")} would become a live link (or a DDE command) in the file a
 * colleague opens. Stored data stays as typed; only the exported text cell is neutralised.
 */
final class FormulaGuard {

    private static final String TRIGGERS = "=+-@\t\r\n";

    private FormulaGuard() {
    }

    /** Whether a spreadsheet program would treat {@code text} as a formula if it were a plain cell. */
    static boolean triggers(String text) {
        return !text.isEmpty() && TRIGGERS.indexOf(text.charAt(0)) >= 0;
    }

    /** The text for a CSV field: prefixed with a single quote (OWASP's advice) when it would be a formula. */
    static String csv(String text) {
        return triggers(text) ? "'" + text : text;
    }
}
