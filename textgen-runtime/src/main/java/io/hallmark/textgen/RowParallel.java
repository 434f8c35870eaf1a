package io.hallmark.textgen;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the rows of weight products on {@code hallmark.textgen.threads} threads (default: the processors): the
 * calling thread and that many minus one workers. One {@link #run} takes several products at once (a layer's
 * q/k/v, its gate/up), so that they cost one hand-off to the workers instead of one each; their rows are cut in
 * chunks that the threads take in turn from a shared counter, so a slow thread takes fewer.
 *
 * <p>Why not a fork-join pool (what the products ran on before; docs/performance.md): a decode step of a ~1B
 * model makes over a hundred products of 0.1-8 ms each, and there the pool's hand-off counted. Its calling thread
 * waited instead of working, so with two threads on two CPUs a third thread was woken for every product, and
 * joins inside the pool started extra compensating workers (three workers were seen busy with a parallelism of
 * two). Here the caller does its share, waiting threads spin for a few microseconds before they park, and exactly
 * {@code threads} threads run products.
 *
 * <p>Several threads may call {@link #run} at once: one at a time uses the workers, the others run their rows on
 * their own thread (same results, less parallel).
 */
final class RowParallel {

    /** Rows {@code from..to} of one product. */
    @FunctionalInterface
    interface RowRange {
        void run(int from, int to);
    }

    /** One product: {@code rows} output rows, computed by ranges. */
    record Job(int rows, RowRange body) {
        Job {
            if (rows < 0) {
                throw new IllegalArgumentException("A product has no negative rows: " + rows);
            }
        }
    }

    /** Chunks are a multiple of this (the kernels' prefill tile). */
    private static final int ROW_ALIGN = 16;
    /** Chunks a product is cut into, per thread: enough for a thread slowed down by others to take fewer. */
    private static final int CHUNKS_PER_THREAD = 8;
    /**
     * How often a waiting thread checks again before it parks: a few microseconds of spin-wait hints. Longer spins
     * (about a millisecond) made products three times slower on the shared, loaded machine, where a spinning thread
     * takes the CPU from the one it waits for.
     */
    private static final int SPINS = 256;

    private static final RowParallel SHARED = new RowParallel(
            Integer.getInteger("hallmark.textgen.threads", Runtime.getRuntime().availableProcessors()));

    private final int threads;
    private final Thread[] workers;
    private final ReentrantLock owner = new ReentrantLock();
    private volatile Batch current;

    RowParallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("hallmark.textgen.threads must be at least 1, not " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = Thread.ofPlatform().daemon().name("textgen-rows-" + (i + 1)).start(this::work);
        }
    }

    /** The process's shared instance, sized by {@code hallmark.textgen.threads}. */
    static RowParallel shared() {
        return SHARED;
    }

    int threads() {
        return threads;
    }

    /** Runs every row of every job and returns when all are done; the first failure of any range is thrown. */
    void run(Job... jobs) {
        Batch batch = new Batch(jobs, threads);
        if (workers.length == 0 || batch.chunks <= 1 || !owner.tryLock()) {
            batch.work();
            batch.rethrow();
            return;
        }
        try {
            current = batch;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
            batch.work();
            batch.awaitDone();
        } finally {
            owner.unlock();
        }
        batch.rethrow();
    }

    private void work() {
        Batch seen = null;
        int idle = 0;
        while (true) {
            Batch b = current;
            if (b != seen) {
                seen = b;
                b.work();
                idle = 0;
            } else if (idle < SPINS) {
                idle++;
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    /** The chunks of one {@link #run}, taken in turn by the threads. */
    private static final class Batch {
        private final Job[] jobs;
        /** First chunk index of each job, and the total at the end. */
        private final int[] firstChunk;
        private final int[] chunkRows;
        private final int chunks;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final Thread caller = Thread.currentThread();
        private volatile Throwable failure;

        Batch(Job[] jobs, int threads) {
            this.jobs = jobs;
            this.firstChunk = new int[jobs.length + 1];
            this.chunkRows = new int[jobs.length];
            int total = 0;
            for (int j = 0; j < jobs.length; j++) {
                int rows = jobs[j].rows();
                int size = Math.max(ROW_ALIGN, ceil(ceil(rows, threads * CHUNKS_PER_THREAD), ROW_ALIGN) * ROW_ALIGN);
                chunkRows[j] = size;
                firstChunk[j] = total;
                total += ceil(rows, size);
            }
            firstChunk[jobs.length] = total;
            this.chunks = total;
        }

        private static int ceil(int a, int b) {
            return (a + b - 1) / b;
        }

        /** Takes chunks until none is left. */
        void work() {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                try {
                    if (failure == null) {
                        int j = 0;
                        while (c >= firstChunk[j + 1]) {
                            j++;
                        }
                        int from = (c - firstChunk[j]) * chunkRows[j];
                        jobs[j].body().run(from, Math.min(jobs[j].rows(), from + chunkRows[j]));
                    }
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                } finally {
                    if (done.incrementAndGet() == chunks && Thread.currentThread() != caller) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        /** Waits for the chunks other threads took: a short spin, then parked until the last one wakes it. */
        void awaitDone() {
            for (int spin = 0; done.get() < chunks; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }

        void rethrow() {
            Throwable t = failure;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
