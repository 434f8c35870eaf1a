package io.hallmark.api;

import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The narrow set of host services a plugin may use during one call: models, progress, cancellation and its
 * deadline, a logger, and its own configuration. Never the plugin manager or the database.
 */
public interface PluginContext {

    /**
     * Leases a model from the host's model runtime; close it when done.
     *
     * @throws PermissionDeniedException when the plugin was not granted {@link Permission#MODELS_READ}
     * @throws GenerationFailedException naming the file and what was expected when the model is missing or corrupt
     */
    ModelLease leaseModel(ModelRequirement model);

    /**
     * Searches the host's knowledge base.
     *
     * @param limit how many passages at most (1 to 50)
     * @return the best passages first
     * @throws PermissionDeniedException when the plugin was not granted {@link Permission#KNOWLEDGE_BASE_READ}
     * @throws GenerationFailedException when the host has no knowledge base to search
     */
    default java.util.List<KnowledgePassage> searchKnowledgeBase(String query, int limit) {
        throw new GenerationFailedException("This host offers no knowledge-base search");
    }

    /** Reports progress: {@code fraction} from 0 to 1 and a short message (e.g. {@code step 3/20}). */
    void progress(double fraction, String message);

    /** Whether the caller cancelled the call or its deadline passed; check it between steps. */
    boolean isCancelled();

    /** When the call must be done; the host abandons it after this instant. */
    Instant deadline();

    /** Throws {@link GenerationCancelledException} when {@link #isCancelled()}; call it between steps. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new GenerationCancelledException(Instant.now().isAfter(deadline())
                    ? "Deadline " + deadline() + " passed" : "Cancelled by the caller");
        }
    }

    /** A logger whose records carry the plugin's id. */
    Logger logger();

    /** The plugin's own settings, as an administrator configured them (empty by default). */
    Map<String, String> config();
}
