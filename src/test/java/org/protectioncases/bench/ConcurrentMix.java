package org.protectioncases.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Operation 9: {@code threads} users, each with a security context of its own (set per request on
 * its own thread), run operations for a fixed time with a uniform random pause of
 * {@code thinkMin..thinkMax} ms between requests (real users read and type). With
 * {@code reportUsers = 0} every user picks from the weighted mix of operations 1-6; otherwise the
 * first {@code reportUsers} users pull reports only (factsheet, breakdown, activity statistics) and the
 * others do casework only, and their latencies are kept apart, so the run shows whether reports
 * starve casework. The same run repeated with the bare SQL twins gives the yardstick.
 */
final class ConcurrentMix {

    /** Reports a report user pulls, in turn at random; 6c (a write, then the factsheet) is left out. */
    static final Set<String> REPORTS = Set.of("6a", "6b", "6e");

    /**
     * @param casework latencies of the casework users (all users when no one pulls reports only)
     * @param reports  latencies of the report users, null when there are none
     */
    record Result(Stats casework, @Nullable Stats reports, long requests, double throughputPerSecond, long errors,
                  Map<String, Stats> byOperation) {
    }

    record Plan(int threads, int reportUsers, int seconds, int thinkMinMs, int thinkMaxMs) {

        Plan {
            if (thinkMinMs < 0 || thinkMaxMs < thinkMinMs || reportUsers < 0 || reportUsers > threads) {
                throw new IllegalArgumentException("bad concurrent plan " + threads + "/" + reportUsers + " " + thinkMinMs + ".." + thinkMaxMs);
            }
        }

        boolean thinks() {
            return thinkMaxMs > 0;
        }
    }

    private ConcurrentMix() {
    }

    static Result run(List<BenchmarkSuite.Op> ops, BenchUsers users, Plan plan, boolean bare, long seed) {
        List<BenchmarkSuite.Op> reports = ops.stream().filter(op -> REPORTS.contains(op.id())).toList();
        List<BenchmarkSuite.Op> casework = plan.reportUsers() == 0 ? ops : ops.stream().filter(op -> !op.id().startsWith("6")).toList();
        if (plan.reportUsers() > 0 && reports.isEmpty()) {
            throw new IllegalStateException("report users asked for, but no report operation (6a, 6b, 6e) was measured");
        }
        int threads = plan.threads();
        long[][] latencies = new long[threads][];
        String[][] operations = new String[threads][];
        int[] counts = new int[threads];
        long[] errors = new long[1];
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int index = t;
            boolean reportUser = t < plan.reportUsers();
            workers.add(Thread.ofPlatform().name("bench-user-" + t).start(() -> {
                SplittableRandom random = new SplittableRandom(seed + index);
                long[] mine = new long[1024];
                String[] ids = new String[1024];
                int n = 0;
                try {
                    start.await();
                    // Users who think do not all arrive in the same millisecond.
                    if (plan.thinks()) {
                        Thread.sleep(random.nextInt(plan.thinkMaxMs() + 1));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                long end = window[1];
                while (System.nanoTime() < end) {
                    BenchmarkSuite.Op op = reportUser ? reports.get(random.nextInt(reports.size())) : byWeight(casework, random);
                    Supplier<Object> work = bare ? op.bare() : () -> users.as(op.auth(), op.product());
                    long t0 = System.nanoTime();
                    try {
                        Harness.blackhole ^= System.identityHashCode(work.get());
                        long took = System.nanoTime() - t0;
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                            ids = Arrays.copyOf(ids, n * 2);
                        }
                        ids[n] = op.id();
                        mine[n++] = took;
                    } catch (RuntimeException e) {
                        firstError.compareAndSet(null, e);
                        synchronized (errors) {
                            errors[0]++;
                        }
                    }
                    if (plan.thinks()) {
                        try {
                            Thread.sleep(plan.thinkMinMs() + random.nextInt(plan.thinkMaxMs() - plan.thinkMinMs() + 1));
                        } catch (InterruptedException e) {
                            break;
                        }
                    }
                }
                latencies[index] = mine;
                operations[index] = ids;
                counts[index] = n;
            }));
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + plan.seconds() * 1_000_000_000L;
        start.countDown();
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        if (firstError.get() != null) {
            System.out.println("BENCH concurrent run had " + errors[0] + " errors, first: " + firstError.get());
        }
        long[] caseworkLatencies = collect(latencies, counts, plan.reportUsers(), threads);
        long[] reportLatencies = collect(latencies, counts, 0, plan.reportUsers());
        Stats reportStats = reportLatencies.length == 0 ? null : Stats.of(reportLatencies);
        int total = Arrays.stream(counts).sum();
        return new Result(Stats.of(caseworkLatencies), reportStats, total, total / elapsed, errors[0],
                byOperation(latencies, operations, counts));
    }

    /** Latencies per operation id over all users: which operations make the tail. */
    private static Map<String, Stats> byOperation(long[][] latencies, String[][] operations, int[] counts) {
        Map<String, long[]> all = new TreeMap<>();
        Map<String, Integer> filled = new HashMap<>();
        for (int t = 0; t < counts.length; t++) {
            for (int i = 0; i < counts[t]; i++) {
                String id = operations[t][i];
                long[] series = all.computeIfAbsent(id, k -> new long[64]);
                int n = filled.getOrDefault(id, 0);
                if (n == series.length) {
                    series = Arrays.copyOf(series, n * 2);
                    all.put(id, series);
                }
                series[n] = latencies[t][i];
                filled.put(id, n + 1);
            }
        }
        Map<String, Stats> stats = new TreeMap<>();
        all.forEach((id, series) -> stats.put(id, Stats.of(Arrays.copyOf(series, filled.get(id)))));
        return stats;
    }

    private static BenchmarkSuite.Op byWeight(List<BenchmarkSuite.Op> ops, SplittableRandom random) {
        int totalWeight = ops.stream().mapToInt(BenchmarkSuite.Op::weight).sum();
        int r = random.nextInt(totalWeight);
        for (BenchmarkSuite.Op op : ops) {
            r -= op.weight();
            if (r < 0) {
                return op;
            }
        }
        return ops.getLast();
    }

    private static long[] collect(long[][] latencies, int[] counts, int from, int to) {
        long[] all = new long[Arrays.stream(counts, from, to).sum()];
        int at = 0;
        for (int t = from; t < to; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        return all;
    }
}
