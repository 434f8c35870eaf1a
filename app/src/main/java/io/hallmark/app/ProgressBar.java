package io.hallmark.app;

import io.hallmark.retrieval.IngestListener;
import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr for ingests, long generations and waits, redrawn at most ten times a second: the
 * phase, the percent done and the time left when the fraction is known, else the time spent so far.
 */
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
        err.printf("\ringesting [%s%s] %3.0f%%  %d/%d sources  %d chunks  %.0f chunks/s  %-10s", "#".repeat(filled),
                " ".repeat(WIDTH - filled), fraction * 100, sourcesDone, sourcesTotal, chunksWritten,
                seconds > 0 ? chunksWritten / seconds : 0, timeLeft(fraction, seconds));
        err.flush();
        drawn = true;
    }

    /** {@code ETA 12 s} while {@code fraction} is between 2 % and 100 %, else the seconds spent ({@code 3 s}). */
    static String timeLeft(double fraction, double spentSeconds) {
        return fraction > 0.02 && fraction < 1
                ? String.format(java.util.Locale.ROOT, "ETA %.0f s", spentSeconds * (1 - fraction) / fraction)
                : String.format(java.util.Locale.ROOT, "%.0f s", spentSeconds);
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

    /**
     * Draws a phase of a longer wait, e.g. {@code governance [######    ] 60%  safety  ETA 12 s}.
     *
     * @param fraction 0 to 1, or negative when the phase does not say how far it is
     * @param phaseStartNanos when the phase began ({@link System#nanoTime()}), for the time left
     */
    synchronized void phase(String phase, double fraction, String message, long phaseStartNanos) {
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        String shownMessage = message.length() > 32 ? message.substring(0, 31) + "…" : message;
        double spent = (now - phaseStartNanos) / 1e9;
        if (fraction < 0) {
            err.printf("\r%-16s %-32s %5.0f s   ", phase, shownMessage, (now - start) / 1e9);
        } else {
            double f = Math.min(1, fraction);
            int filled = (int) Math.round(f * WIDTH);
            String eta = timeLeft(f, spent);
            err.printf("\r%-16s [%s%s] %3.0f%%  %-32s %-10s", phase, "#".repeat(filled), " ".repeat(WIDTH - filled),
                    f * 100, shownMessage, eta);
        }
        err.flush();
        drawn = true;
    }

    /** Wipes the bar's line, so that other output can take it. */
    synchronized void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 80) + "\r");
            err.flush();
            drawn = false;
            lastDraw = 0;
        }
    }

    void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
