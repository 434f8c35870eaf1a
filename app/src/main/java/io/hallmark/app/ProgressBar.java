package io.hallmark.app;

import io.hallmark.retrieval.IngestListener;
import java.io.PrintWriter;

/** A one-line progress bar on stderr for ingests and long generations, redrawn at most ten times a second. */
final class ProgressBar implements IngestListener {

    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(int sourcesDone, int sourcesTotal, long chunksWritten) {
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && sourcesDone < sourcesTotal) {
            return;
        }
        lastDraw = now;
        double fraction = sourcesTotal == 0 ? 1 : (double) sourcesDone / sourcesTotal;
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = (now - start) / 1e9;
        err.printf("\r[%s%s] %3.0f%%  %d/%d sources  %d chunks  %.0f chunks/s ", "#".repeat(filled),
                " ".repeat(WIDTH - filled), fraction * 100, sourcesDone, sourcesTotal, chunksWritten,
                seconds > 0 ? chunksWritten / seconds : 0);
        err.flush();
        drawn = true;
    }

    /** Draws {@code fraction} (0 to 1) with a short message, e.g. {@code frame 12/48}. */
    void fraction(double fraction, String message) {
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && fraction < 1) {
            return;
        }
        lastDraw = now;
        double f = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(f * WIDTH);
        err.printf("\r[%s%s] %3.0f%%  %-28s %5.1f s ", "#".repeat(filled), " ".repeat(WIDTH - filled), f * 100,
                message.length() > 28 ? message.substring(0, 28) : message, (now - start) / 1e9);
        err.flush();
        drawn = true;
    }

    void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
