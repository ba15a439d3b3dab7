package org.protectioncases.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Heap held by a piece of work while it runs: a sampler thread forces a full GC every
 * {@value #GC_EVERY_MS} ms and records the heap in use right after it (the live set), so garbage
 * that a lazy collector has not reclaimed yet does not count as growth. Timing is measured in a
 * separate run, because the forced collections slow the work down.
 */
final class HeapProbe {

    static final long GC_EVERY_MS = 200;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    record Result(Object value, long nanos, long liveGrowthBytes, long peakUsedBytes, int gcs) {
    }

    private HeapProbe() {
    }

    static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    static Result during(Supplier<?> work) {
        long baseline = liveHeap();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong maxLive = new AtomicLong(baseline);
        AtomicLong maxUsed = new AtomicLong(baseline);
        AtomicInteger gcs = new AtomicInteger();
        Thread sampler = Thread.ofPlatform().daemon().name("heap-probe").start(() -> {
            long nextGc = System.nanoTime() + GC_EVERY_MS * 1_000_000;
            while (running.get()) {
                maxUsed.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                if (System.nanoTime() >= nextGc) {
                    System.gc();
                    gcs.incrementAndGet();
                    maxLive.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                    nextGc = System.nanoTime() + GC_EVERY_MS * 1_000_000;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        long t0 = System.nanoTime();
        Object value;
        try {
            value = work.get();
        } finally {
            running.set(false);
        }
        long nanos = System.nanoTime() - t0;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(value, nanos, Math.max(0, maxLive.get() - baseline), Math.max(0, maxUsed.get() - baseline), gcs.get());
    }
}
