package io.hallmark.governance.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.governance.testing.TestData;
import org.junit.jupiter.api.Test;

/** Training sees only dev splits of sets whose licence lets a model ship, and records every file it read. */
class DataLicencesTest {

    @Test
    void trainingRefusesEvaluationOnlySetsAndTestSplitsAndRecordsWhatItRead() {
        EvalData training = TestData.eval().forTraining();
        assertThatThrownBy(() -> training.split("climate-fever", "dev")).hasMessageContaining("evaluation only")
                .hasMessageContaining("internal use only");
        assertThatThrownBy(() -> training.split("alpacaeval-queries", "dev")).hasMessageContaining("CC-BY-NC");
        assertThatThrownBy(() -> training.split("aeslc-email-instructions", "dev")).hasMessageContaining("NC");
        assertThatThrownBy(() -> training.split("xstest", "test")).hasMessageContaining("dev splits only");

        assertThat(training.split("xstest", "dev")).isNotEmpty();
        assertThat(training.filesRead()).containsOnlyKeys("xstest/dev.jsonl");
        assertThat(training.filesRead().get("xstest/dev.jsonl")).hasSize(64);

        EvalData evaluation = TestData.eval();
        assertThat(evaluation.split("climate-fever", "dev")).as("evaluation may read it").isNotEmpty();
        assertThat(evaluation.filesRead()).isEmpty();
        assertThat(DataLicences.all()).allSatisfy((set, licence) -> assertThat(licence.licence()).isNotBlank());
        assertThatThrownBy(() -> DataLicences.of("unknown-set")).hasMessageContaining("No licence recorded");
    }
}
