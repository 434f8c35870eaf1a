package io.hallmark.core.kb;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** How far the rebuild of one knowledge base's index from PostgreSQL has got. Thread-safe. */
public final class RebuildProgress {

    private final String reason;
    private final Instant startedAt = Instant.now();
    private final AtomicLong total = new AtomicLong(-1);
    private final AtomicLong done = new AtomicLong();

    RebuildProgress(String reason) {
        this.reason = reason;
    }

    void total(long sources) {
        total.set(sources);
    }

    long advance() {
        return done.incrementAndGet();
    }

    /** Sources written to the index so far. */
    public long done() {
        return done.get();
    }

    /** Sources to write, or -1 before the snapshot was read. */
    public long total() {
        return total.get();
    }

    /** One line for logs and errors. */
    public String describe() {
        long t = total.get();
        return reason + "; " + done.get() + " of " + (t < 0 ? "?" : Long.toString(t)) + " documents after "
                + Duration.between(startedAt, Instant.now()).toSeconds() + " s";
    }

    /** For the health endpoint. */
    public Map<String, Object> view() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", "REBUILDING");
        out.put("reason", reason);
        out.put("documentsDone", done.get());
        out.put("documentsTotal", total.get());
        out.put("startedAt", startedAt.toString());
        return out;
    }
}
