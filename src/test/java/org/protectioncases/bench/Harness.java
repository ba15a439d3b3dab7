package org.protectioncases.bench;

import java.util.function.Supplier;

/**
 * A hand-written harness (JMH does not fit a Spring context with a database and a security
 * context): warm-up rounds, then measured rounds timed with {@code nanoTime}. The product call and
 * the bare SQL alternate within each round, so drift of the machine (other builds, autovacuum)
 * hits both series alike.
 */
final class Harness {

    /** Result of a compared pair: the product path and the bare SQL, measured in the same rounds. */
    record Pair(Stats product, Stats bare, Object productAnswer, Object bareAnswer) {
    }

    /** A sink so the JIT cannot drop a call whose result is unused. */
    static volatile int blackhole;

    private Harness() {
    }

    static Pair compare(int warmup, int iterations, Supplier<?> product, Supplier<?> bare) {
        Object productAnswer = null;
        Object bareAnswer = null;
        for (int i = 0; i < warmup; i++) {
            productAnswer = product.get();
            bareAnswer = bare.get();
            blackhole ^= System.identityHashCode(productAnswer) ^ System.identityHashCode(bareAnswer);
        }
        long[] p = new long[iterations];
        long[] b = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            // Alternate which goes first so neither always gets the warmer cache.
            if (i % 2 == 0) {
                long t0 = System.nanoTime();
                productAnswer = product.get();
                long t1 = System.nanoTime();
                bareAnswer = bare.get();
                long t2 = System.nanoTime();
                p[i] = t1 - t0;
                b[i] = t2 - t1;
            } else {
                long t0 = System.nanoTime();
                bareAnswer = bare.get();
                long t1 = System.nanoTime();
                productAnswer = product.get();
                long t2 = System.nanoTime();
                b[i] = t1 - t0;
                p[i] = t2 - t1;
            }
            blackhole ^= System.identityHashCode(productAnswer) ^ System.identityHashCode(bareAnswer);
        }
        if (productAnswer == null || bareAnswer == null) {
            throw new IllegalStateException("no iterations ran");
        }
        return new Pair(Stats.of(p), Stats.of(b), productAnswer, bareAnswer);
    }

    static Stats time(int warmup, int iterations, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        long[] n = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            work.run();
            n[i] = System.nanoTime() - t0;
        }
        return Stats.of(n);
    }
}
