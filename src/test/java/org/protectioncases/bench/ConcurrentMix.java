package org.protectioncases.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Operation 9: {@code users} threads, each a user with a security context of its own (set per
 * request on its own thread), pick operations 1-6 at random by weight for a fixed time, with a
 * uniform random pause of 0..thinkMs between requests. The same run repeated with the bare SQL
 * twins gives the yardstick.
 */
final class ConcurrentMix {

    record Result(Stats stats, long requests, double throughputPerSecond, long errors) {
    }

    private ConcurrentMix() {
    }

    static Result run(List<BenchmarkSuite.Op> ops, BenchUsers users, int threads, int seconds, int thinkMs, boolean bare, long seed) {
        int totalWeight = ops.stream().mapToInt(BenchmarkSuite.Op::weight).sum();
        Function<SplittableRandom, BenchmarkSuite.Op> pick = random -> {
            int r = random.nextInt(totalWeight);
            for (BenchmarkSuite.Op op : ops) {
                r -= op.weight();
                if (r < 0) {
                    return op;
                }
            }
            return ops.getLast();
        };
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        long[] errors = new long[1];
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers.add(Thread.ofPlatform().name("bench-user-" + t).start(() -> {
                SplittableRandom random = new SplittableRandom(seed + index);
                long[] mine = new long[1024];
                int n = 0;
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = window[1];
                while (System.nanoTime() < end) {
                    BenchmarkSuite.Op op = pick.apply(random);
                    Supplier<Object> work = bare ? op.bare() : () -> users.as(op.auth(), op.product());
                    long t0 = System.nanoTime();
                    try {
                        Harness.blackhole ^= System.identityHashCode(work.get());
                    } catch (RuntimeException e) {
                        firstError.compareAndSet(null, e);
                        synchronized (errors) {
                            errors[0]++;
                        }
                        continue;
                    }
                    long took = System.nanoTime() - t0;
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = took;
                    if (thinkMs > 0) {
                        try {
                            Thread.sleep(random.nextInt(thinkMs + 1));
                        } catch (InterruptedException e) {
                            break;
                        }
                    }
                }
                latencies[index] = mine;
                counts[index] = n;
            }));
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        start.countDown();
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        if (firstError.get() != null) {
            System.out.println("BENCH concurrent run had " + errors[0] + " errors, first: " + firstError.get());
        }
        return new Result(Stats.of(all), total, total / elapsed, errors[0]);
    }
}
