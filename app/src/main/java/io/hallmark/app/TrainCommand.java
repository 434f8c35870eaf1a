package io.hallmark.app;

import io.hallmark.core.Platform;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.artifact.GovernanceArtifact;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hallmark train ...}: trains the governance models on the dev splits of the shared eval data with the
 * committed settings, into the data directory's database (active at once). The platform does the same in the
 * background at first start; {@code hallmark tune} searches the settings.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the governance models on the dev splits with the committed settings; stored in the "
                + "database as the active version.",
        subcommands = {TrainCommand.Safety.class, TrainCommand.Bias.class, FactCheckTrainCommand.class})
final class TrainCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; valid: safety, bias, factcheck");
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin PlatformOptions platform;

        @Option(names = "--eval-dir", paramLabel = "DIR",
                description = "The shared eval folder (default ../shared/eval, or HALLMARK_EVAL_DIR).")
        @Nullable Path evalDir;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        void print(Map<String, Object> doc) {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, doc);
            } else {
                doc.forEach((k, v) -> out.println(k + ": " + v));
            }
        }
    }

    /** Trains one kind into the data directory's database and activates it. */
    abstract static class Kind extends Base {
        abstract String kind();

        @Override
        public Integer call() {
            Map<ConfigKey, String> extra = new EnumMap<>(ConfigKey.class);
            extra.put(ConfigKey.EVAL_DIR, EvalCommand.evalDir(evalDir).toString());
            HallmarkConfig config = platform.load(extra);
            long t0 = System.nanoTime();
            try (Platform p = Platform.start(config, "command")) {
                GovernanceArtifact a;
                try (TrainingProgress progress = new TrainingProgress(new ProgressBar(spec.commandLine().getErr()),
                        p.governanceModels(), kind())) {
                    a = p.governanceModels().train(kind(), GovernanceModelsCommand.ACTOR);
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("kind", a.kind());
                doc.put("sha256", a.sha256());
                doc.put("active", true);
                doc.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
                doc.put("manifest", a.manifest());
                print(doc);
            }
            return 0;
        }
    }

    @Command(name = "safety", mixinStandardHelpOptions = true,
            description = "Train the injection, jailbreak, harmful-request and toxicity screens from the dev splits "
                    + "with the committed settings (deterministic; `hallmark tune safety` searches them), store them "
                    + "in the database and make them the active version.")
    static final class Safety extends Kind {
        @Override
        String kind() {
            return "safety";
        }
    }

    @Command(name = "bias", mixinStandardHelpOptions = true,
            description = "Train the stereotype detector (and its coreference resolver) on CrowS-Pairs, StereoSet and "
                    + "WinoBias dev pairs with the committed settings, store it in the database and make it active.")
    static final class Bias extends Kind {
        @Override
        String kind() {
            return "bias";
        }
    }
}
