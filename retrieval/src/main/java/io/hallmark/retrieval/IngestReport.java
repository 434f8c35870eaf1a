package io.hallmark.retrieval;

import io.hallmark.retrieval.ingest.Cleaning;
import io.hallmark.retrieval.ingest.Quarantine;
import io.hallmark.retrieval.ingest.Skip;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one ingest did.
 *
 * @param added sources new to the knowledge base
 * @param replaced sources whose content changed and whose chunks were replaced
 * @param unchanged sources whose content was already indexed as is (not re-embedded)
 * @param chunks chunks written
 * @param skips files and rows not taken, with reasons
 * @param millis wall-clock time of the whole ingest
 * @param embedMillis time spent embedding
 * @param cleaned documents taken after removing characters that cannot be stored (NUL and the like), with counts
 * @param quarantined new or changed documents the injection screen flagged: not indexed, earlier versions removed
 * @param unscreened why the new and changed documents were not screened for injection (no screen is configured: a
 *     knowledge base used without governance; one with a screen that cannot run refuses the ingest instead), or
 *     {@code null} when they were (or there were none)
 */
public record IngestReport(int added, int replaced, int unchanged, long chunks, List<Skip> skips, long millis,
        long embedMillis, List<Cleaning> cleaned, List<Quarantine> quarantined, @Nullable String unscreened) {

    public IngestReport {
        skips = List.copyOf(skips);
        cleaned = List.copyOf(cleaned);
        quarantined = List.copyOf(quarantined);
    }

    /** Chunks written per second of wall-clock time. */
    public double chunksPerSecond() {
        return millis == 0 ? 0 : chunks * 1000.0 / millis;
    }
}
