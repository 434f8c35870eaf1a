package io.hallmark.retrieval.ingest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Screens documents for prompt injection as they enter a knowledge base: what it flags is quarantined, kept out of
 * the index (so retrieval, fact checking and generators never see it) and listed in the ingest report. While a screen
 * cannot run ({@link Result#unavailable}) the knowledge base refuses the ingest ({@link ScreenUnavailableException}).
 * The implementation lives with the safety screens (governance); the knowledge base only asks it.
 */
@FunctionalInterface
public interface IngestScreen {

    /**
     * No screen (a knowledge base used as a library, without governance): every document is taken, and the report
     * says the ingest was not screened.
     */
    IngestScreen NONE = documents -> Result.unavailable("no injection screen is configured for this knowledge base");

    /**
     * Screens the new and changed documents of one ingest (cleaned, not blank).
     *
     * @return the flagged documents, or why none could be screened
     */
    Result screen(List<SourceDocument> documents);

    /**
     * What a screen found.
     *
     * @param quarantined the flagged documents, each with the span that scored highest
     * @param unavailable why the documents could not be screened (the model is not trained yet, ...): the ingest is
     *     refused; or {@code null} when they were screened
     */
    record Result(List<Quarantine> quarantined, @Nullable String unavailable) {

        public Result {
            quarantined = List.copyOf(quarantined);
        }

        /** Screened: these documents were flagged (none: all clean). */
        public static Result screened(List<Quarantine> quarantined) {
            return new Result(quarantined, null);
        }

        /** Cannot screen now, and why (the knowledge base refuses the ingest). */
        public static Result unavailable(String why) {
            return new Result(List.of(), why);
        }
    }
}
