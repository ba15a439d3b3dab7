package org.protectioncases.imports;

/** Told how far a dry run or import has come: rows done of the file's rows (the view's progress bar). */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (done, total) -> { };

    void done(int rows, int total);
}
