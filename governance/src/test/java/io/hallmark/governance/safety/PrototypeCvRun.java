package io.hallmark.governance.safety;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hallmark.governance.artifact.TunedSettings;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.testing.TestData;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dev-only run of design 15's trainer (issue 18): trains the prototype input heads on the dev splits and the
 * authored prompts with BGE-small-en-v1.5-q ({@link PrototypeTrainer}), the toxicity head with its committed settings
 * on MiniLM, writes the nested source-held-out report (with the training time and counts) as JSON and the whole
 * safety model. Nothing of a test split is read.
 *
 * <p>Run from the project root: {@code java --add-modules jdk.incubator.vector -Dai.djl.offline=true -Xmx6g
 * -Dhallmark.shared.dir=../shared -cp ... io.hallmark.governance.safety.PrototypeCvRun <report.json> <model-dir>}.
 */
public final class PrototypeCvRun {

    private PrototypeCvRun() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 5) {
            throw new IllegalArgumentException("Usage: PrototypeCvRun <report.json> <model-dir> [data sentences read "
                    + "(default: the screen's 64) [sentences|whole: how a prompt without data is read (default: whole, as "
                    + "the screen reads it)] [nospans]]");
        }
        int dataSentences = args.length >= 3 ? Integer.parseInt(args[2]) : SafetyScreen.MAX_DATA_PIECES;
        boolean plainBySentence = args.length >= 4 && args[3].equals("sentences");
        boolean spans = args.length < 5 || !args[4].equals("nospans");
        EvalData eval = TestData.eval();
        long t0 = System.nanoTime();
        ScreenCorpus corpus = ScreenCorpus.read(eval, AuthoredSet.bundled(), true);
        System.err.println("corpus: " + corpus.items().size() + " prompts");
        TextFeatures bge = new TextFeatures(new OnnxEmbedder(EmbeddingModel.BGE_SMALL_EN_V15_Q, 2, 32));
        PrototypeTrainer.Trained trained = new PrototypeTrainer(bge.embedder().name(), bge.embedder().dimension(),
                bge::features, p -> PrototypeTrainer.injectionReading(p, dataSentences, plainBySentence), false, spans, System.err::println,
                2).train(corpus);
        double prototypeSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        TextFeatures minilm = new TextFeatures(new OnnxEmbedder(EmbeddingModel.ALL_MINILM_L6_V2, 2, 32));
        SafetyModel.Head toxicity = new SafetyTrainer(minilm, System.err::println).trainToxicity(eval,
                TunedSettings.committed().safetyHeads().get("toxicity"));
        double toxicitySeconds = (System.nanoTime() - t1) / 1e9;
        SafetyModel model = trained.model(minilm.embedder().name(), toxicity, "dev splits of " + eval.dir()
                + " and the authored prompts (design 15, PrototypeCvRun)");
        Path dir = Path.of(args[1]);
        model.save(dir.resolve(SafetyModel.FILE));
        long size = Files.size(dir.resolve(SafetyModel.FILE));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("embedder", bge.embedder().name());
        out.put("dataSentencesRead", dataSentences);
        out.put("promptWithoutDataReadBySentence", plainBySentence);
        out.put("injectedSpans", spans);
        out.put("prompts", corpus.items().size());
        out.put("prototypes", trained.prototypes().counts());
        out.put("authoredFiles", corpus.authoredFiles());
        out.put("prototypeSeconds", Math.round(prototypeSeconds * 10) / 10.0);
        out.put("toxicitySeconds", Math.round(toxicitySeconds * 10) / 10.0);
        out.put("modelBytes", size);
        out.put("report", trained.report());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.createDirectories(Path.of(args[0]).toAbsolutePath().getParent());
        json.writeValue(Path.of(args[0]).toFile(), out);
        // every real prompt's out-of-fold scores, for combining with per-prompt rules (dev studies)
        Path oofFile = Path.of(args[0].replaceFirst("\\.json$", "") + "-oof.jsonl");
        try (var w = Files.newBufferedWriter(oofFile)) {
            int k = 0;
            for (ScreenCorpus.Item it : corpus.items()) {
                if (!it.real()) {
                    continue;
                }
                WorstSourceCalibration.Scored sc = trained.outOfFold().get(k++);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("source", sc.source());
                row.put("cls", sc.cls());
                row.put("origin", it.origin());
                row.put("trainable", it.trainable());
                row.put("text", it.text());
                row.put("injection", sc.injection());
                row.put("jailbreak", sc.jailbreak());
                row.put("harmful", sc.harmful());
                w.write(json.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(row));
                w.write("\n");
            }
        }
        System.err.println("wrote " + args[0] + " and " + dir.resolve(SafetyModel.FILE) + " (" + size + " bytes)");
        System.out.println(json.writeValueAsString(Map.of("extras", trained.report().extras(), "kit",
                trained.report().kit(), "thresholds", trained.report().thresholdsAllSources())));
        System.exit(0);
    }
}
