package io.hallmark.textgen;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the rows of weight products (and of attention's heads) on a fork-join pool of
 * {@code hallmark.textgen.threads} threads (default: the processors). One {@link #run} takes several products at
 * once (a layer's q/k/v, its gate/up), so that they cost one hand-off to the pool instead of one each; their rows
 * are cut in chunks that the pool's tasks take in turn from a shared counter, so a thread that the scheduler holds
 * back takes fewer.
 *
 * <p>A pool of our own, in which the calling thread took chunks too and idle workers spun and yielded before they
 * parked, was tried first and dropped: on the shared 2-CPU machine under load (load average 12-15) its products took
 * about three times their CPU time in wall time, the fork-join pool's 1.0-1.7 times (docs/performance.md).
 */
final class RowParallel {

    /** Rows {@code from..to} of one product. */
    @FunctionalInterface
    interface RowRange {
        void run(int from, int to);
    }

    /**
     * One product: {@code rows} output rows, computed by ranges; {@code rowCost} is about the multiply-adds of a row,
     * so that small products run in few chunks, or on the calling thread alone.
     */
    record Job(int rows, long rowCost, RowRange body) {
        Job {
            if (rows < 0 || rowCost < 1) {
                throw new IllegalArgumentException("A product has rows >= 0 and a cost >= 1 a row, not " + rows + " and "
                        + rowCost);
            }
        }
    }

    /** Chunks are a multiple of this (the kernels' prefill tile). */
    private static final int ROW_ALIGN = 16;
    /** Chunks a product is cut into, per thread: enough for a thread slowed down by others to take fewer. */
    private static final int CHUNKS_PER_THREAD = 8;
    /**
     * The least work of a chunk, in multiply-adds (tens of microseconds): a hand-off to the pool costs microseconds
     * on an idle machine and milliseconds on a loaded one, so the tiny test models' products run on the caller.
     */
    private static final long MIN_CHUNK_COST = 1 << 17;

    private static final RowParallel SHARED = new RowParallel(
            Integer.getInteger("hallmark.textgen.threads", Runtime.getRuntime().availableProcessors()));

    private final int threads;
    private final ForkJoinPool pool;

    RowParallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("hallmark.textgen.threads must be at least 1, not " + threads);
        }
        this.threads = threads;
        AtomicInteger named = new AtomicInteger();
        this.pool = new ForkJoinPool(threads, p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("textgen-rows-" + named.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, null, false);
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
        if (threads == 1 || batch.chunks <= 1) {
            batch.work();
        } else {
            pool.invoke(new Tasks(batch, 0, batch.chunks));
        }
        batch.rethrow();
    }

    /** As many leaf tasks as chunks; each takes chunks from the batch until none is left. */
    private static final class Tasks extends RecursiveAction {
        private final Batch batch;
        private final int from;
        private final int to;

        Tasks(Batch batch, int from, int to) {
            this.batch = batch;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from > 1) {
                int mid = (from + to) >>> 1;
                invokeAll(new Tasks(batch, from, mid), new Tasks(batch, mid, to));
            } else {
                batch.work();
            }
        }
    }

    /** The chunks of one {@link #run}, taken in turn. */
    private static final class Batch {
        private final Job[] jobs;
        /** First chunk index of each job, and the total at the end. */
        private final int[] firstChunk;
        private final int[] chunkRows;
        private final int chunks;
        private final AtomicInteger next = new AtomicInteger();
        private volatile Throwable failure;

        Batch(Job[] jobs, int threads) {
            this.jobs = jobs;
            this.firstChunk = new int[jobs.length + 1];
            this.chunkRows = new int[jobs.length];
            int total = 0;
            for (int j = 0; j < jobs.length; j++) {
                int rows = jobs[j].rows();
                long least = Math.min(rows, ceil(MIN_CHUNK_COST, jobs[j].rowCost()));
                int size = ceil(Math.max(least, ceil(rows, threads * CHUNKS_PER_THREAD)), ROW_ALIGN) * ROW_ALIGN;
                size = Math.max(ROW_ALIGN, size);
                chunkRows[j] = size;
                firstChunk[j] = total;
                total += ceil(rows, size);
            }
            firstChunk[jobs.length] = total;
            this.chunks = total;
        }

        private static int ceil(long a, long b) {
            return Math.toIntExact((a + b - 1) / b);
        }

        /** Takes chunks until none is left; after a failure the rest are skipped. */
        void work() {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                if (failure != null) {
                    continue;
                }
                try {
                    int j = 0;
                    while (c >= firstChunk[j + 1]) {
                        j++;
                    }
                    int from = (c - firstChunk[j]) * chunkRows[j];
                    jobs[j].body().run(from, Math.min(jobs[j].rows(), from + chunkRows[j]));
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
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
