package io.hallmark.app;

import io.hallmark.core.Platform;
import io.hallmark.core.jobs.CounterfactualProbe;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.bias.BiasLexicon;
import io.hallmark.governance.bias.BiasScorer;
import io.hallmark.governance.bias.ContinuationProbe;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hallmark probe --item ID}: the counterfactual continuation probe of a generated text. The demographic terms of
 * its prompt are swapped and the plugin that made it continues each swapped prompt with the item's parameters and
 * seed; prints how much the continuation (token edit distance) and its bias score change. Runs on a platform started
 * on the data directory (not through a running server).
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Re-generate a stored text with demographic terms of its prompt swapped (same plugin, parameters "
                + "and seed) and measure how much the continuation and its bias score change.")
final class ProbeCommand implements Callable<Integer> {

    @Mixin PlatformOptions platform;

    @Option(names = "--item", required = true, paramLabel = "ID", description = "The content item to probe.")
    UUID item;

    @Option(names = "--per-term", paramLabel = "N", defaultValue = "3",
            description = "Replacements per swapped term (default ${DEFAULT-VALUE}).")
    int perTerm;

    @Option(names = "--no-bias", description = "Measure the text change only (no bias scorer, no model training).")
    boolean noBias;

    @Option(names = "--eval-dir", paramLabel = "DIR",
            description = "Eval folder to train a missing bias model and read the HolisticBias terms from (default "
                    + "../shared/eval, or HALLMARK_EVAL_DIR).")
    @Nullable Path evalDir;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var config = platform.load();
        try (GovernanceModels models = GovernanceCommands.models(config, evalDir);
                Platform p = Platform.start(config, "command")) {
            BiasScorer scorer = noBias ? null : models.bias();
            BiasLexicon lexicon = scorer != null ? scorer.lexicon()
                    : BiasLexicon.fromHolisticBias(GovernanceCommands.eval(evalDir));
            ContinuationProbe.Result result = new CounterfactualProbe(p.database(), p.plugins(), lexicon, scorer, perTerm)
                    .probe(item, "cli");
            var out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, result);
            } else {
                out.printf(Locale.ROOT, "%d variants; mean text change %.3f; mean absolute bias change %s%n",
                        result.variants().size(), result.meanTextChange(), result.meanAbsoluteBiasChange());
                for (ContinuationProbe.Variant v : result.variants()) {
                    out.printf(Locale.ROOT, "  %-20s %s -> %s: text change %.3f, bias %s (%s)%n", v.axis(), v.term(),
                            v.replacement(), v.textChange(), v.biasMax(), v.biasChange());
                }
            }
            return 0;
        }
    }
}
