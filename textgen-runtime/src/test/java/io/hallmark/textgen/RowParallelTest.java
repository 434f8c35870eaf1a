package io.hallmark.textgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The weight products' threads: every row of every product once, failures thrown to the caller, callers at once. */
class RowParallelTest {

    private static final RowParallel THREE = new RowParallel(3);

    @Test
    void everyRowOfEveryJobRunsExactlyOnce() {
        int[] sizes = {0, 1, 15, 16, 17, 1000, 128_256};
        List<AtomicIntegerArray> counts = new ArrayList<>();
        List<RowParallel.Job> jobs = new ArrayList<>();
        for (int size : sizes) {
            AtomicIntegerArray count = new AtomicIntegerArray(size);
            counts.add(count);
            jobs.add(new RowParallel.Job(size, 1 << 17, (from, to) -> {
                assertThat(from).isLessThan(to);
                for (int r = from; r < to; r++) {
                    count.incrementAndGet(r);
                }
            }));
        }
        for (int round = 0; round < 50; round++) {
            THREE.run(jobs.toArray(RowParallel.Job[]::new));
        }
        for (AtomicIntegerArray count : counts) {
            for (int r = 0; r < count.length(); r++) {
                assertThat(count.get(r)).as("row %d of %d", r, count.length()).isEqualTo(50);
            }
        }
    }

    @Test
    void aFailingRangeIsThrownToTheCallerAndTheThreadsGoOn() {
        RowParallel.Job failing = new RowParallel.Job(4096, 1 << 17, (from, to) -> {
            if (from <= 2000 && 2000 < to) {
                throw new IllegalStateException("row 2000 is broken");
            }
        });
        assertThatThrownBy(() -> THREE.run(failing)).isInstanceOf(IllegalStateException.class)
                .hasMessage("row 2000 is broken");
        AtomicIntegerArray count = new AtomicIntegerArray(4096);
        THREE.run(new RowParallel.Job(4096, 1 << 17, (from, to) -> {
            for (int r = from; r < to; r++) {
                count.incrementAndGet(r);
            }
        }));
        for (int r = 0; r < 4096; r++) {
            assertThat(count.get(r)).isEqualTo(1);
        }
    }

    @Test
    void callersAtOnceEachGetTheirWholeProduct() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[]>> sums = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int seed = c;
                sums.add(callers.submit(() -> {
                    long[] out = new long[5000];
                    for (int round = 0; round < 30; round++) {
                        THREE.run(new RowParallel.Job(out.length, 1 << 17, (from, to) -> {
                            for (int r = from; r < to; r++) {
                                out[r] += r * (seed + 1L);
                            }
                        }));
                    }
                    return out;
                }));
            }
            for (int c = 0; c < 4; c++) {
                long[] out = sums.get(c).get();
                for (int r = 0; r < out.length; r++) {
                    assertThat(out[r]).isEqualTo(30L * r * (c + 1));
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void oneThreadRunsEverythingOnTheCaller() {
        RowParallel one = new RowParallel(1);
        Thread caller = Thread.currentThread();
        AtomicIntegerArray count = new AtomicIntegerArray(300);
        one.run(new RowParallel.Job(300, 1 << 17, (from, to) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            for (int r = from; r < to; r++) {
                count.incrementAndGet(r);
            }
        }));
        for (int r = 0; r < 300; r++) {
            assertThat(count.get(r)).isEqualTo(1);
        }
        assertThatThrownBy(() -> new RowParallel(0)).hasMessageContaining("at least 1");
    }

    @Test
    void aSmallProductRunsOnTheCallerAlone() {
        Thread caller = Thread.currentThread();
        AtomicIntegerArray count = new AtomicIntegerArray(1000);
        THREE.run(new RowParallel.Job(1000, 64, (from, to) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            assertThat(from).isZero();
            assertThat(to).isEqualTo(1000);
            for (int r = from; r < to; r++) {
                count.incrementAndGet(r);
            }
        }));
        for (int r = 0; r < 1000; r++) {
            assertThat(count.get(r)).isEqualTo(1);
        }
    }
}
