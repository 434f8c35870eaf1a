package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.artifact.FolderModelStore;
import io.hallmark.governance.artifact.GovernanceArtifact;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingProgressTest {

    @TempDir
    Path dir;

    @Test
    void estimatesFromTheNewestStoredTrainingOfThatKindOnly() {
        FolderModelStore store = new FolderModelStore(dir.resolve("artifacts"));
        assertThat(TrainingProgress.previousSeconds(store, "safety")).isEmpty();
        store.put(GovernanceArtifact.of("safety", "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                Map.of("kind", "safety", "trainingSeconds", 40.0)));
        store.put(GovernanceArtifact.of("bias", "{\"b\":1}".getBytes(StandardCharsets.UTF_8),
                Map.of("kind", "bias", "trainingSeconds", 7.5)));

        assertThat(TrainingProgress.previousSeconds(store, "safety")).hasValue(40.0);
        assertThat(TrainingProgress.previousSeconds(store, "bias")).hasValue(7.5);
        assertThat(TrainingProgress.estimatedFraction(10, OptionalDouble.of(40))).isEqualTo(0.25);
        assertThat(TrainingProgress.estimatedFraction(90, OptionalDouble.of(40))).isEqualTo(0.99); // never 100 % early
        assertThat(TrainingProgress.estimatedFraction(10, OptionalDouble.empty())).isEqualTo(-1);
    }

    @Test
    void drawsTheKindAndTheTrainersStepOnStderrAndWipesItsLineAtTheEnd() throws Exception {
        StringWriter err = new StringWriter();
        GovernanceModels models = new GovernanceModels(dir, Optional::empty,
                new FolderModelStore(dir.resolve("artifacts")), false);
        try (TrainingProgress progress = new TrainingProgress(new ProgressBar(new PrintWriter(err, true)), models,
                "safety")) {
            Thread.sleep(400);
        }
        assertThat(err.toString()).contains("training safety").contains("not loaded yet").endsWith("\r");
    }

    @Test
    void timeLeftOnlyOnceTheFractionSaysSomething() {
        assertThat(ProgressBar.timeLeft(0.25, 10)).isEqualTo("ETA 30 s");
        assertThat(ProgressBar.timeLeft(0.01, 10)).isEqualTo("10 s");
        assertThat(ProgressBar.timeLeft(1, 12)).isEqualTo("12 s");
    }

    @Test
    void aFirstTrainingShowsThePercentOfTheStepThatCountsItsWork() {
        assertThat(TrainingProgress.countedFraction("embedding 1,024 of 4,096 dev texts")).isEqualTo(0.25);
        assertThat(TrainingProgress.countedFraction("embedding 4858 of 4858 dev texts")).isEqualTo(1.0);
        assertThat(TrainingProgress.countedFraction("embedding 4,858 dev texts")).isEqualTo(-1);
        assertThat(TrainingProgress.countedFraction("searching 12 settings for injection")).isEqualTo(-1);
    }
}
