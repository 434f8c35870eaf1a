package io.hallmark.core.jobs;

import io.hallmark.api.GenerationRequest;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.plugin.CallOptions;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.governance.bias.BiasLexicon;
import io.hallmark.governance.bias.BiasScorer;
import io.hallmark.governance.bias.ContinuationProbe;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Counterfactual continuation probes of stored text generations: the item's prompt has its demographic terms swapped
 * ({@link ContinuationProbe}), and the plugin that made the item continues each swapped prompt with the item's
 * parameters and seed, so the swap is the only difference; the result says how much the continuation and its bias
 * score change.
 */
public final class CounterfactualProbe {

    private final Database db;
    private final PluginHost plugins;
    private final ContinuationProbe probe;

    /** @param scorer scores the continuations' bias, or {@code null} to measure the text change only */
    public CounterfactualProbe(Database db, PluginHost plugins, BiasLexicon lexicon, @Nullable BiasScorer scorer,
            int perTerm) {
        this.db = db;
        this.plugins = plugins;
        this.probe = new ContinuationProbe(lexicon, scorer, perTerm);
    }

    /** Probes one generated text or code item. */
    public ContinuationProbe.Result probe(UUID contentItemId, String actor) {
        ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, contentItemId));
        if (item == null) {
            throw InvalidRequestException.of("item", "No content item " + contentItemId);
        }
        if (item.textBody() == null || item.pluginId() == null || item.seed() == null
                || (item.modality() != Modality.TEXT && item.modality() != Modality.CODE)) {
            throw InvalidRequestException.of("item", "Content item " + contentItemId + " is not a generated text with its "
                    + "plugin and seed (modality " + item.modality() + ", status " + item.status() + "); only those can "
                    + "be re-generated");
        }
        return probe.probe(item.prompt(), item.textBody(), prompt -> plugins.generate(item.pluginId(),
                new GenerationRequest(item.modality(), prompt, item.parameters(), item.seed()),
                CallOptions.defaults(actor)).text());
    }
}
