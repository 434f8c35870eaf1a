package io.hallmark.governance.safety;

import io.hallmark.governance.ml.DjlTraining;
import io.hallmark.governance.ml.EvalData;
import io.hallmark.governance.ml.LogisticModel;
import io.hallmark.governance.ml.TextFeatures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Trains the safety heads on the dev splits, choosing each head's training settings and threshold on out-of-fold
 * dev scores. For every head, every candidate of a small grid (learning rate, weight decay, batch size, the weight of
 * XSTest's safe prompts, and the epoch count, read off checkpoints of one run) is trained on {@link #FOLDS} - 1 folds
 * of the head's dev set and scored on the rest; XSTest prompt families and ToxiGen target groups stay whole within a
 * fold, and so does each jailbreak attack style, so the scores measure prompt types, target groups and attack styles
 * the head has not seen, as the test splits' are. A candidate's merit is its best out-of-fold F1, every source of
 * positives weighing the same ({@link ThresholdCalibration.OutOfFold#f1}), among thresholds that flag at most
 * {@link #SAFE_FPR_BUDGET} of the XSTest safe prompts and {@link #INSTRUCTION_FPR_BUDGET} of the benign user
 * instructions in the set. A head is the average of its {@link #AVERAGED} best
 * candidates (ties go to the earlier candidate, fewer epochs), each refit on all of the head's dev data. The input
 * heads' thresholds are then calibrated together on the averages' out-of-fold scores ({@link ThresholdCalibration})
 * so that all three at once stay within the budgets. Every head is a logistic regression trained by {@link
 * DjlTraining#logistic} (plain-Java Adam, bit-reproducible), classes balanced by row weights. Deterministic.
 */
public final class SafetyTrainer {

    /**
     * The largest share of XSTest's safe dev prompts that the three input heads together may flag out of fold: 5%,
     * a margin under the 8% on test, whose safe prompts are of other types.
     */
    public static final double SAFE_FPR_BUDGET = 0.05;

    /**
     * The largest share of the benign dev instructions (HaluEval-general queries) that the input heads together may
     * flag out of fold: 3%. A generation platform's prompts are mostly such instructions, and a screen that refuses
     * "Write a short story about a dragon. Make it funny." is of no use (the heads before this budget refused 30% of
     * them).
     */
    public static final double INSTRUCTION_FPR_BUDGET = 0.03;

    /** The budgets of the input heads, by capped set. */
    static final Map<String, Double> BUDGETS = Map.of(LabeledText.XSTEST_SAFE, SAFE_FPR_BUDGET,
            LabeledText.INSTRUCTIONS, INSTRUCTION_FPR_BUDGET);

    static final int FOLDS = 4;

    /**
     * How many of a head's best candidates it averages (their weights, so the head stays one logistic regression).
     * The best of 48 noisy out-of-fold estimates on a few hundred dev texts is partly the best by luck; the average of
     * the top five is steadier, and its scores change more smoothly with the threshold.
     */
    static final int AVERAGED = 5;

    /** The input heads, calibrated together under the budget; the toxicity head screens outputs and is not. */
    static final List<String> INPUT_HEADS = List.of("injection", "jailbreak", "harmful");

    /**
     * When the input heads together exceed the budget, a point of injection or jailbreak F1 counts three times a point
     * of harmful-request F1: the goals are on those two, and the harmful head is the one XSTest's safe dev
     * prompts (short questions with alarming words) trouble most out of fold, so it gives way first.
     */
    static final Map<String, Double> CALIBRATION_WEIGHTS = Map.of("injection", 3.0, "jailbreak", 3.0, "harmful", 1.0);

    private final TextFeatures features;
    private final Consumer<String> progress;
    private final SafetyGrid grid;
    private final Map<String, float[]> cache = new HashMap<>();

    public SafetyTrainer(TextFeatures features, Consumer<String> progress) {
        this(features, progress, SafetyGrid.standard(5));
    }

    SafetyTrainer(TextFeatures features, Consumer<String> progress, SafetyGrid grid) {
        this.features = features;
        this.progress = progress;
        this.grid = grid;
    }

    public SafetyModel train(EvalData eval) {
        return train(new SafetyData(eval), "dev splits of " + eval.dir());
    }

    SafetyModel train(SafetyData data, String source) {
        Map<String, List<LabeledText>> sets = new LinkedHashMap<>();
        sets.put("injection", data.injection());
        sets.put("jailbreak", data.jailbreak());
        sets.put("harmful", data.harmful());
        sets.put("toxicity", data.toxicity());
        return train(sets, source);
    }

    /** Trains on the given sets, one per head ({@link #INPUT_HEADS} and {@code toxicity}). */
    SafetyModel train(Map<String, List<LabeledText>> sets, String source) {
        if (!sets.keySet().equals(SafetyData.categories())) {
            throw new IllegalArgumentException("Need a training set for each of " + SafetyData.categories() + ", got "
                    + sets.keySet());
        }
        embed(sets);
        Map<String, Search> searches = new LinkedHashMap<>();
        sets.forEach((category, set) -> {
            progress.accept("searching " + grid.size(category) + " settings for " + category + " on " + set.size()
                    + " dev texts (" + FOLDS + " folds)");
            searches.put(category, search(category, set));
        });
        Map<String, ThresholdCalibration.OutOfFold> input = new LinkedHashMap<>();
        INPUT_HEADS.forEach(h -> input.put(h, searches.get(h).chosenOutOfFold()));
        Map<String, ThresholdCalibration.Choice> thresholds = new LinkedHashMap<>(
                ThresholdCalibration.calibrate(input, BUDGETS, CALIBRATION_WEIGHTS));
        thresholds.put("toxicity", searches.get("toxicity").chosenOutOfFold().best(Map.of()));
        double jointRate = ThresholdCalibration.jointRate(input, thresholds, LabeledText.XSTEST_SAFE);
        double instructionRate = ThresholdCalibration.jointRate(input, thresholds, LabeledText.INSTRUCTIONS);
        progress.accept("input heads flag " + Math.round(jointRate * 1000) / 10.0 + "% of XSTest dev safe prompts out "
                + "of fold (budget " + Math.round(SAFE_FPR_BUDGET * 100) + "%) and " + Math.round(instructionRate
                * 1000) / 10.0 + "% of the benign dev instructions (budget " + Math.round(INSTRUCTION_FPR_BUDGET * 100)
                + "%)");
        double unsafeRecall = input.get("harmful").recall(thresholds.get("harmful").threshold(),
                t -> t.group() != null && t.group().startsWith("xstest:"));
        progress.accept("harmful head finds " + Math.round(unsafeRecall * 1000) / 10.0 + "% of XSTest dev unsafe "
                + "prompts out of fold");

        Map<String, Map<String, Double>> sourceRecall = new LinkedHashMap<>();
        Map<String, Map<String, Double>> sourceFalsePositives = new LinkedHashMap<>();
        searches.forEach((category, s) -> {
            double t = thresholds.get(category).threshold();
            Map<String, Double> recall = s.chosenOutOfFold().recallBySource(t);
            Map<String, Double> falsePositives = s.chosenOutOfFold().falsePositivesBySource(t);
            sourceRecall.put(category, recall);
            sourceFalsePositives.put(category, falsePositives);
            progress.accept(category + " out of fold at threshold " + t + ": F1 " + round(thresholds.get(category)
                    .f1()) + ", recall by source " + recall + ", false positives by source " + falsePositives);
        });

        Map<String, SafetyModel.Head> heads = new LinkedHashMap<>();
        Map<String, List<SafetyModel.GridRow>> rows = new LinkedHashMap<>();
        searches.forEach((category, s) -> {
            List<HeadSettings> chosen = s.chosen().stream().map(Candidate::settings).toList();
            progress.accept("training " + category + " on all " + sets.get(category).size() + " dev texts with the "
                    + chosen.size() + " best settings");
            ThresholdCalibration.Choice t = thresholds.get(category);
            List<LogisticModel> fits = chosen.stream().map(c -> fit(sets.get(category), all(sets.get(category).size()),
                    c)).toList();
            heads.put(category, new SafetyModel.Head(LogisticModel.average(fits), t.threshold(), t.f1(), chosen));
            rows.put(category, s.candidates().stream().map(c -> new SafetyModel.GridRow(c.settings(),
                    c.choice().threshold(), round(c.choice().f1()), round(c.safeRate()), s.chosen().contains(c)))
                    .toList());
        });
        return new SafetyModel(features.embedder().name(), heads, source + " at " + Instant.now(),
                new SafetyModel.Tuning(FOLDS, SAFE_FPR_BUDGET, round(jointRate), round(unsafeRecall), rows,
                        sourceRecall, sourceFalsePositives, INSTRUCTION_FPR_BUDGET, round(instructionRate)));
    }

    /**
     * Trains the heads with the committed settings ({@code hallmark tune safety} chose them): no search, each head the
     * average of its committed candidates refit on all of its dev texts, its threshold the committed calibrated one.
     * Deterministic: the same dev files and settings give the same model (candidates that differ only in their epoch
     * count are read off one run).
     *
     * @param eval the dev data ({@link EvalData#forTraining} to check licences and record the files read)
     * @param heads the committed settings by head ({@link io.hallmark.governance.artifact.TunedSettings#safetyHeads})
     * @param source a line saying which data and settings, kept in the model
     */
    public SafetyModel train(EvalData eval, Map<String, io.hallmark.governance.artifact.TunedSettings.SafetyHead> heads,
            String source) {
        SafetyData data = new SafetyData(eval);
        Map<String, List<LabeledText>> sets = new LinkedHashMap<>();
        sets.put("injection", data.injection());
        sets.put("jailbreak", data.jailbreak());
        sets.put("harmful", data.harmful());
        sets.put("toxicity", data.toxicity());
        if (!heads.keySet().equals(sets.keySet())) {
            throw new IllegalArgumentException("The committed safety settings need exactly the heads " + sets.keySet()
                    + ", got " + heads.keySet());
        }
        embed(sets);
        Map<String, SafetyModel.Head> out = new LinkedHashMap<>();
        sets.forEach((category, set) -> out.put(category, committedHead(category, set, heads.get(category))));
        return new SafetyModel(features.embedder().name(), out, source);
    }

    /**
     * Trains the toxicity head alone with its committed settings, as {@link #train(EvalData, Map, String)} does (design
     * 15 keeps design 7's toxicity head beside its prototype input heads).
     *
     * @param eval the dev data
     * @param toxicity the committed settings of the toxicity head
     */
    public SafetyModel.Head trainToxicity(EvalData eval,
            io.hallmark.governance.artifact.TunedSettings.SafetyHead toxicity) {
        Map<String, List<LabeledText>> sets = Map.of("toxicity", new SafetyData(eval).toxicity());
        embed(sets);
        return committedHead("toxicity", sets.get("toxicity"), toxicity);
    }

    /** One head: the average of its committed candidates refit on all of its dev texts, its committed threshold. */
    private SafetyModel.Head committedHead(String category, List<LabeledText> set,
            io.hallmark.governance.artifact.TunedSettings.SafetyHead tuned) {
        progress.accept("training " + category + " on " + set.size() + " dev texts with its " + tuned.settings()
                .size() + " committed settings");
        // candidates that differ only in epochs come from one run, read at each epoch count
        Map<HeadSettings, java.util.TreeSet<Integer>> runs = new LinkedHashMap<>();
        for (HeadSettings h : tuned.settings()) {
            runs.computeIfAbsent(withEpochs(h, 1), k -> new TreeSet<>()).add(h.training().epochs());
        }
        Map<HeadSettings, LogisticModel> fits = new LinkedHashMap<>();
        runs.forEach((run, epochs) -> {
            HeadSettings longest = withEpochs(run, epochs.last());
            fitCheckpoints(set, all(set.size()), longest, epochs.stream().mapToInt(Integer::intValue).toArray())
                    .forEach((e, m) -> fits.put(withEpochs(run, e), m));
        });
        List<LogisticModel> averaged = tuned.settings().stream().map(h -> fits.get(withEpochs(h,
                h.training().epochs()))).toList();
        return new SafetyModel.Head(LogisticModel.average(averaged), tuned.threshold(), tuned.devOutOfFoldF1(),
                tuned.settings());
    }

    private static HeadSettings withEpochs(HeadSettings h, int epochs) {
        DjlTraining.Settings s = h.training();
        return new HeadSettings(new DjlTraining.Settings(epochs, s.batchSize(), s.learningRate(), s.weightDecay(),
                s.seed()), h.safeWeight(), h.instructionFactor());
    }

    private void embed(Map<String, List<LabeledText>> sets) {
        List<String> texts = new ArrayList<>();
        sets.forEach((category, set) -> set.forEach(t -> {
            texts.add(t.text());
            if (SafetyScreen.SENTENCE_HEADS.contains(category)) {
                texts.addAll(SafetyScreen.sentencesOf(t.text()));
            }
        }));
        List<String> missing = texts.stream().distinct().filter(t -> !cache.containsKey(t)).toList();
        progress.accept("embedding " + missing.size() + " dev texts");
        List<float[]> vectors = features.features(missing,
                done -> progress.accept("embedding " + done + " of " + missing.size() + " dev texts"));
        for (int i = 0; i < missing.size(); i++) {
            cache.put(missing.get(i), vectors.get(i));
        }
    }

    /** A candidate's out-of-fold scores and its own best threshold. */
    record Candidate(HeadSettings settings, ThresholdCalibration.OutOfFold outOfFold,
            ThresholdCalibration.Choice choice, double safeRate) {}

    /**
     * A head's search: every candidate, the {@link #AVERAGED} best (best first) and the out-of-fold scores of their
     * average.
     */
    record Search(List<Candidate> candidates, List<Candidate> chosen, ThresholdCalibration.OutOfFold chosenOutOfFold) {}

    private Search search(String category, List<LabeledText> set) {
        int[] fold = folds(set);
        Map<String, Double> budgets = INPUT_HEADS.contains(category) ? BUDGETS : Map.of();
        List<Candidate> candidates = new ArrayList<>();
        for (SafetyGrid.Run run : grid.runs(category)) {
            Map<Integer, double[]> oof = new LinkedHashMap<>();
            for (int e : run.checkpoints()) {
                oof.put(e, new double[set.size()]);
            }
            for (int f = 0; f < FOLDS; f++) {
                List<Integer> trainIdx = new ArrayList<>();
                List<Integer> testIdx = new ArrayList<>();
                for (int i = 0; i < set.size(); i++) {
                    (fold[i] == f ? testIdx : trainIdx).add(i);
                }
                Map<Integer, LogisticModel> models = fitCheckpoints(set, trainIdx, run.settings(), run.checkpoints());
                models.forEach((e, m) -> {
                    for (int i : testIdx) {
                        oof.get(e)[i] = probability(category, m, set.get(i).text());
                    }
                });
            }
            oof.forEach((e, p) -> {
                DjlTraining.Settings s = run.settings().training();
                HeadSettings settings = new HeadSettings(new DjlTraining.Settings(e, s.batchSize(), s.learningRate(),
                        s.weightDecay(), s.seed()), run.settings().safeWeight(), run.settings().instructionWeight());
                ThresholdCalibration.OutOfFold o = new ThresholdCalibration.OutOfFold(set, p);
                ThresholdCalibration.Choice c = o.best(budgets);
                int safe = o.count(LabeledText.XSTEST_SAFE);
                candidates.add(new Candidate(settings, o, c, safe == 0 ? 0
                        : (double) o.flagged(LabeledText.XSTEST_SAFE, c.threshold()).size() / safe));
            });
        }
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(java.util.Comparator.comparingDouble((Candidate c) -> -c.choice().f1())); // stable: ties keep order
        List<Candidate> chosen = List.copyOf(ranked.subList(0, Math.min(AVERAGED, ranked.size())));
        double[] averaged = new double[set.size()];
        for (int i = 0; i < set.size(); i++) {
            double logit = 0;
            for (Candidate c : chosen) {
                double p = Math.min(1 - 1e-9, Math.max(1e-9, c.outOfFold().probability()[i]));
                logit += Math.log(p / (1 - p)) / chosen.size();
            }
            averaged[i] = LogisticModel.sigmoid(logit);
        }
        ThresholdCalibration.OutOfFold oof = new ThresholdCalibration.OutOfFold(set, averaged);
        progress.accept(category + ": best out-of-fold F1 " + round(chosen.get(0).choice().f1()) + " with "
                + chosen.get(0).settings() + "; the average of the best " + chosen.size() + ": "
                + round(oof.best(budgets).f1()));
        return new Search(candidates, chosen, oof);
    }

    /** A head's probability for a text as {@link SafetyScreen} reads it (whole, or its best sentence). */
    private double probability(String category, LogisticModel m, String text) {
        double p = m.probability(cache.get(text));
        if (SafetyScreen.SENTENCE_HEADS.contains(category)) {
            for (String s : SafetyScreen.sentencesOf(text)) {
                p = Math.max(p, m.probability(cache.get(s)));
            }
        }
        return p;
    }

    /**
     * The fold of each text: a grouped text goes where its group goes (the groups of the set dealt round the folds in
     * name order), any other text by its hash.
     */
    static int[] folds(List<LabeledText> set) {
        Map<String, Integer> groupFold = new HashMap<>();
        for (String g : new TreeSet<>(set.stream().map(LabeledText::group).filter(java.util.Objects::nonNull)
                .toList())) {
            groupFold.put(g, groupFold.size() % FOLDS);
        }
        int[] fold = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            LabeledText t = set.get(i);
            fold[i] = t.group() != null ? groupFold.get(t.group()) : Math.floorMod(t.text().hashCode(), FOLDS);
        }
        return fold;
    }

    private static List<Integer> all(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    private LogisticModel fit(List<LabeledText> set, List<Integer> idx, HeadSettings settings) {
        int epochs = settings.training().epochs();
        return fitCheckpoints(set, idx, settings, new int[] {epochs}).get(epochs);
    }

    private Map<Integer, LogisticModel> fitCheckpoints(List<LabeledText> set, List<Integer> idx, HeadSettings settings,
            int[] checkpoints) {
        float[][] x = new float[idx.size()][];
        float[] y = new float[idx.size()];
        float[] w = new float[idx.size()];
        double pos = 0;
        double neg = 0;
        for (int i : idx) {
            if (set.get(i).label() == 1) {
                pos += weight(set.get(i), settings);
            } else {
                neg += weight(set.get(i), settings);
            }
        }
        for (int k = 0; k < idx.size(); k++) {
            LabeledText lt = set.get(idx.get(k));
            x[k] = cache.get(lt.text());
            y[k] = lt.label();
            // balance the classes, keep the relative weights within each
            w[k] = (float) (weight(lt, settings) * (lt.label() == 1 ? (pos + neg) / (2 * pos) : (pos + neg) / (2 * neg)));
        }
        return DjlTraining.logisticCheckpoints("safety-head", x, y, w, true, settings.training(), checkpoints);
    }

    private static double weight(LabeledText t, HeadSettings settings) {
        return t.weight() * (t.safeContrast() ? settings.safeWeight() : 1)
                * (LabeledText.INSTRUCTIONS.equals(t.cap()) ? settings.instructionFactor() : 1);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
