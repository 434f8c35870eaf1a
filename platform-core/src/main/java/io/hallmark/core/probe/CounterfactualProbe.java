package io.hallmark.core.probe;

import io.hallmark.api.GenerationRequest;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.plugin.CallOptions;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.governance.bias.BiasLexicon;
import io.hallmark.governance.bias.BiasScorer;
import io.hallmark.governance.bias.ContinuationProbe;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The counterfactual continuation probe of one stored text generation: the item's prompt has its demographic terms
 * swapped ({@link ContinuationProbe}), and the plugin that made the item continues each swapped prompt with the
 * item's parameters and seed, so the swap is the only difference; the result says how much the continuation and its
 * bias score change. {@link BiasProbes} checks the item first and keeps the result.
 */
final class CounterfactualProbe {

    private final PluginHost plugins;
    private final ContinuationProbe probe;

    /** @param scorer scores the continuations' bias, or {@code null} to measure the text change only */
    CounterfactualProbe(PluginHost plugins, BiasLexicon lexicon, @Nullable BiasScorer scorer, int perTerm) {
        this.plugins = plugins;
        this.probe = new ContinuationProbe(lexicon, scorer, perTerm);
    }

    /** Probes a generated text or code item that {@link BiasProbes} has checked (plugin, seed and text present). */
    ContinuationProbe.Result probe(ContentItem item, String actor, ContinuationProbe.Progress progress) {
        String pluginId = Objects.requireNonNull(item.pluginId(), "pluginId");
        return probe.probe(item.prompt(), Objects.requireNonNull(item.textBody(), "textBody"), prompt -> plugins.generate(
                pluginId, new GenerationRequest(item.modality(), prompt, item.parameters(), item.seed()),
                CallOptions.defaults(actor)).text(), progress);
    }
}
