package org.protectioncases.imports;

/** "All or nothing" and some rows had errors or undecided matches: nothing was saved. */
public class ImportRefusedException extends RuntimeException {

    private final transient DryRunResult result;
    private final int blockedRows;

    public ImportRefusedException(DryRunResult result, int blockedRows) {
        super(blockedRows + " rows keep the file from being imported");
        this.result = result;
        this.blockedRows = blockedRows;
    }

    public DryRunResult result() {
        return result;
    }

    public int blockedRows() {
        return blockedRows;
    }
}
