package io.hallmark.governance.safety;

import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.testing.TestData;
import io.hallmark.retrieval.embed.EmbeddingModel;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Latency of the input screen per request, side by side with its peer (one embedding of the whole prompt, the floor
 * of any screen on these features). A benchmark, not a test: surefire runs it only when named
 * ({@code -Dtest=InputScreenBench}); it prints figures and asserts nothing about time.
 *
 * <p>The heads are stand-ins of the shipped shape (three logistic heads on the same features): a head costs one dot
 * product, so its weights do not change the time; what does is how many texts are embedded, which depends on the
 * prompt (its sentences) and the documents, not on the heads. Prompts: every 4th dev row of deepset (benign and
 * injections), the HaluEval-general dev instructions and the AdvBench goals, at most 240; each prompt is screened
 * once, from scratch (its own feature cache), the peer on a second cache. Four cases: a plain prompt read as design 7
 * read it ({@link SafetyScreen#explainPrompt}: whole and by sentence); the same prompt as a document beside a short
 * instruction (the document read whole and by sentence); the same text pasted into a prompt after "Summarize this
 * text:" (split by role, the pasted span read whole and by sentence, the instruction whole, the prompt whole by the
 * jailbreak and harmful heads); the peer.
 */
class InputScreenBench {

    @Test
    void printInputScreenLatency() {
        List<String> prompts = prompts();
        OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModel.ALL_MINILM_L6_V2, OnnxEmbedder.defaultThreads(), 32);
        TextFeatures screenFeatures = new TextFeatures(embedder);
        TextFeatures peerFeatures = new TextFeatures(embedder);
        SafetyScreen screen = new SafetyScreen(standIn(screenFeatures), screenFeatures);
        SafetyScreen documentScreen = new SafetyScreen(standIn(screenFeatures), new TextFeatures(embedder));
        SafetyScreen pastedScreen = new SafetyScreen(standIn(screenFeatures), new TextFeatures(embedder));
        int warmup = 20;
        for (int i = 0; i < warmup; i++) {
            screen.explainPrompt("Warm-up prompt number " + i + ". It has two sentences.");
            peerFeatures.features("Warm-up peer " + i);
        }
        List<Double> plain = new ArrayList<>();
        List<Double> withDocument = new ArrayList<>();
        List<Double> pasted = new ArrayList<>();
        List<Double> peer = new ArrayList<>();
        long texts = 0;
        for (String prompt : prompts) {
            long t0 = System.nanoTime();
            screen.explainPrompt(prompt);
            long t1 = System.nanoTime();
            peerFeatures.features(prompt);
            long t2 = System.nanoTime();
            documentScreen.explain(List.of(ScreenInput.instruction("Summarize the document in one sentence."),
                    ScreenInput.data("documents[0]", prompt)));
            long t3 = System.nanoTime();
            // the same text pasted into the prompt after a lead-in: split off and read as data (RoleSplitter)
            pastedScreen.explain(List.of(ScreenInput.instruction("Summarize this text:\n\n" + prompt)));
            pasted.add((System.nanoTime() - t3) / 1e6);
            plain.add((t1 - t0) / 1e6);
            peer.add((t2 - t1) / 1e6);
            withDocument.add((t3 - t2) / 1e6);
            texts += 1 + SafetyScreen.sentencesOf(prompt).size();
        }
        double[] p = stats(plain);
        double[] d = stats(withDocument);
        double[] q = stats(peer);
        System.out.printf("input-screen bench: %d prompts (%.2f texts embedded per plain prompt), %d cores, "
                + "load average %.1f%n", prompts.size(), texts / (double) prompts.size(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("  %-44s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", "input screen, plain prompt", p[0], p[1],
                p[2]);
        System.out.printf("  %-44s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", "input screen, instruction + document",
                d[0], d[1], d[2]);
        double[] v = stats(pasted);
        System.out.printf("  %-44s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", "screen by role, the text pasted in",
                v[0], v[1], v[2]);
        System.out.printf("  %-44s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", "peer: one embedding of the prompt", q[0],
                q[1], q[2]);
        System.out.printf("  ratio to peer: plain %.2fx (p50) %.2fx (p95); with document %.2fx (p50) %.2fx (p95)%n",
                p[0] / q[0], p[1] / q[1], d[0] / q[0], d[1] / q[1]);
    }

    private static List<String> prompts() {
        SafetyData data = new SafetyData(TestData.eval());
        List<String> all = new ArrayList<>();
        all.addAll(data.deepset("dev", 0));
        all.addAll(data.deepset("dev", 1));
        all.addAll(data.instructions("dev"));
        all.addAll(data.advbench());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size() && out.size() < 240; i += 4) {
            out.add(all.get(i));
        }
        return out;
    }

    /** Three input heads and a toxicity head of the shipped shape, random weights from a fixed seed. */
    private static SafetyModel standIn(TextFeatures features) {
        SplittableRandom random = new SplittableRandom(18);
        Map<String, SafetyModel.Head> heads = new java.util.HashMap<>();
        for (String name : List.of("injection", "jailbreak", "harmful", "toxicity")) {
            float[] w = new float[features.dimension()];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (random.nextGaussian() * 0.01);
            }
            heads.put(name, new SafetyModel.Head(new LogisticModel(w, 0), 0.5, 0));
        }
        return new SafetyModel(features.embedder().name(), heads, "latency stand-in");
    }

    private static double[] stats(List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {at(sorted, 0.5), at(sorted, 0.95), sorted[sorted.length - 1]};
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
