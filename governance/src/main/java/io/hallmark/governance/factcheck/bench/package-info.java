/** The fact-check benchmark: {@link io.hallmark.governance.factcheck.bench.FactCheckBenchmark}. */
package io.hallmark.governance.factcheck.bench;
