package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.Platform;
import io.hallmark.core.persistence.BiasProbeRecord;
import io.hallmark.core.probe.BiasProbes;
import io.hallmark.governance.GovernanceModels;
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
 * on the data directory (not through a running server; there, use {@code POST /api/v1/content/{id}/probes}); the
 * probe is kept in the database and audited like one made through the REST API.
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
                Platform p = Platform.start(config, "command");
                BiasProbes probes = new BiasProbes(p.database(), p.plugins(), p.auditLog(), models, Platform.nodeName())) {
            BiasProbeRecord probe = probes.run(item, new BiasProbes.Request(perTerm, !noBias), "cli");
            if (!probe.state().equals(BiasProbeRecord.DONE)) {
                spec.commandLine().getErr().println("The probe failed: " + probe.error());
                return 1;
            }
            var out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, probe.result());
                return 0;
            }
            JsonNode result = JsonOutput.mapper().valueToTree(probe.result());
            out.printf(Locale.ROOT, "probe %s: %d variants; mean text change %.3f; mean absolute bias change %s%n",
                    probe.id(), result.path("variants").size(), result.path("meanTextChange").asDouble(),
                    result.path("meanAbsoluteBiasChange").asText());
            for (JsonNode v : result.path("variants")) {
                out.printf(Locale.ROOT, "  %-20s %s -> %s: text change %.3f, bias %s (%s)%n", v.path("axis").asText(),
                        v.path("term").asText(), v.path("replacement").asText(), v.path("textChange").asDouble(),
                        v.path("biasMax").asText(), v.path("biasChange").asText());
            }
            return 0;
        }
    }
}
