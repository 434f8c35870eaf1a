package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.ml.EvalData;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Shared by the governance commands: where the trained models and the eval data live. */
final class GovernanceCommands {

    private GovernanceCommands() {}

    /** {@code <data-dir>/governance}: the trained safety and bias models. */
    static Path modelFolder(HallmarkConfig config) {
        return config.dataDir().resolve("governance");
    }

    /** The eval folder: --eval-dir, else HALLMARK_EVAL_DIR, else ../shared/eval. */
    static EvalData eval(@Nullable Path option) {
        return new EvalData(EvalCommand.evalDir(option));
    }

    /** The platform's models; trained on first use from {@code evalDir} when missing. */
    static GovernanceModels models(HallmarkConfig config, @Nullable Path evalDir) {
        Path dir = EvalCommand.evalDir(evalDir);
        return new GovernanceModels(modelFolder(config), () -> java.nio.file.Files.isDirectory(dir)
                ? java.util.Optional.of(new EvalData(dir)) : java.util.Optional.empty());
    }
}
