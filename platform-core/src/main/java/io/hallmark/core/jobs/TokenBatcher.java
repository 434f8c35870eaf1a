package io.hallmark.core.jobs;

import java.util.Map;

/** Streamed pieces become {@code output} events in batches (every 50 ms or 64 pieces), not one row per token. */
final class TokenBatcher {
    private final JobContext context;
    private final Map<String, Object> label;
    private final StringBuilder pending = new StringBuilder();
    private int pieces;
    private long lastFlush = System.nanoTime();

    /** @param label added to every event (e.g. the section), may be empty */
    TokenBatcher(JobContext context, Map<String, Object> label) {
        this.context = context;
        this.label = label;
    }

    synchronized void add(String piece) {
        pending.append(piece);
        pieces++;
        if (pieces >= 64 || System.nanoTime() - lastFlush > 50_000_000L) {
            flush();
        }
    }

    synchronized void flush() {
        if (!pending.isEmpty()) {
            Map<String, Object> event = new java.util.LinkedHashMap<>(label);
            event.put("text", pending.toString());
            event.put("pieces", pieces);
            context.event("output", event);
            pending.setLength(0);
            pieces = 0;
        }
        lastFlush = System.nanoTime();
    }
}
