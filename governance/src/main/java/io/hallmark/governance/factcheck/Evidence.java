package io.hallmark.governance.factcheck;

/**
 * One passage retrieved for a claim.
 *
 * @param id the chunk id in the knowledge base ({@code <sourceId>#<position>})
 * @param sourceId the source it belongs to
 * @param title the source title (may be empty)
 * @param text the passage
 * @param score the retrieval score (fused RRF score in hybrid mode)
 */
public record Evidence(String id, String sourceId, String title, String text, double score) {
    public Evidence {
        title = title == null ? "" : title;
    }
}
