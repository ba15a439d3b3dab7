package org.protectioncases.bench;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to run and how long; every field can be set with a {@code -Dbench.*} system property.
 *
 * @param warmup      warm-up rounds per operation (not measured)
 * @param iterations  measured rounds per fast operation; heavy ones (factsheet) run a tenth, at least 3
 * @param deepPage    page index of the people list for operation 2 (page size 50)
 * @param exportRows  rows of the case-list export (operation 7)
 * @param sessions    Vaadin sessions opened for operation 8 (0: skip)
 * @param users       concurrent users of operation 9
 * @param seconds     measured seconds of each concurrent run
 * @param thinkMinMs  lower bound of the uniform random pause between a concurrent user's requests (row 9)
 * @param thinkMaxMs  upper bound of that pause; 0 runs only the stress row 9s (no pause)
 * @param reportUsers how many of the {@code users} pull reports only in the stress run (row 9s; 9r is their latency)
 *                    <p>{@code -Dbench.only=1,3} limits operations 1-7 to those groups (see {@link #selected}).
 */
record BenchConfig(int warmup, int iterations, int deepPage, int exportRows, int sessions, int users, int seconds, int thinkMinMs,
                   int thinkMaxMs, int reportUsers,
                   String lawyer, String coordinator, String manager, String password, String searchName,
                   String duplicateGiven, String duplicateFamily, int duplicateBirthYear, int year, LocalDate asOf, Path output) {

    static BenchConfig fromSystemProperties(BenchConfig defaults) {
        return new BenchConfig(
                Integer.getInteger("bench.warmup", defaults.warmup()),
                Integer.getInteger("bench.iterations", defaults.iterations()),
                Integer.getInteger("bench.deepPage", defaults.deepPage()),
                Integer.getInteger("bench.exportRows", defaults.exportRows()),
                Integer.getInteger("bench.sessions", defaults.sessions()),
                Integer.getInteger("bench.users", defaults.users()),
                Integer.getInteger("bench.seconds", defaults.seconds()),
                Integer.getInteger("bench.thinkMinMs", defaults.thinkMinMs()),
                Integer.getInteger("bench.thinkMaxMs", defaults.thinkMaxMs()),
                Integer.getInteger("bench.reportUsers", defaults.reportUsers()),
                System.getProperty("bench.lawyer", defaults.lawyer()),
                System.getProperty("bench.coordinator", defaults.coordinator()),
                System.getProperty("bench.manager", defaults.manager()),
                System.getProperty("bench.password", defaults.password()),
                System.getProperty("bench.searchName", defaults.searchName()),
                System.getProperty("bench.duplicateGiven", defaults.duplicateGiven()),
                System.getProperty("bench.duplicateFamily", defaults.duplicateFamily()),
                Integer.getInteger("bench.duplicateBirthYear", defaults.duplicateBirthYear()),
                Integer.getInteger("bench.year", defaults.year()),
                LocalDate.parse(System.getProperty("bench.asOf", defaults.asOf().toString())),
                Path.of(System.getProperty("bench.output", defaults.output().toString())));
    }

    /**
     * Whether operation group {@code op} ("1" to "7") runs: {@code -Dbench.only=3,4} runs only those
     * (to measure one change without the 15 minutes of the whole suite); unset runs all.
     */
    static boolean selected(String op) {
        String only = System.getProperty("bench.only", "").strip();
        return only.isEmpty() || java.util.Arrays.stream(only.split(",")).map(String::strip).anyMatch(op::equals);
    }

    int heavyIterations() {
        return Math.max(3, iterations / 10);
    }

    int heavyWarmup() {
        return Math.max(1, warmup / 5);
    }
}
