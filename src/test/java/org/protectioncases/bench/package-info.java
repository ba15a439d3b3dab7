/**
 * The benchmark suite of issue #6: every operation through the product's real services in a real
 * security context, timed next to the bare SQL answering the same question. {@code ScaleBenchmark}
 * is the full run ({@code ./mvnw -Pbenchmark verify}); {@code BenchmarkSmokeIT} runs it tiny in the
 * normal build and checks that the services and the bare SQL agree.
 */
@NullMarked
package org.protectioncases.bench;

import org.jspecify.annotations.NullMarked;
