package io.hallmark.governance.safety;

import io.hallmark.governance.ml.TextFeatures;
import io.hallmark.governance.safety.roles.RoleSplitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Trains design 15's input heads (issue 18): nearest prototypes ({@link PrototypeSet}, top {@value #TOP}) on the
 * embeddings of a sentence embedder (BGE-small-en-v1.5-q), with thresholds from worst-source calibration ({@link
 * WorstSourceCalibration}) on source-held-out scores. The Java port of {@code knn} with {@code --authored include
 * --calibration worst} of {@code scripts/safety-source-cv.py}; where it differs, it says so below.
 *
 * <p><b>Prototypes</b> ({@code training_rows}): every trainable prompt of a {@link ScreenCorpus} whole under its class
 * (ordinary and risky-looking safe prompts as {@link PrototypeSet#SAFE}), and the first {@value #SENTENCES} sentences
 * ({@link SafetyScreen#sentencesOf}) of each safe one as safe; the authored prompts always. A text in several rows
 * is a prototype several times, as in the CV. Since session 13 also the injected text of every trainable injection
 * with a safe twin ({@link InjectedSpans}), each span and, when it has several, its first {@value #SENTENCES}
 * sentences, as injection prototypes of the row's source (the CV had none).
 *
 * <p><b>Out-of-fold scores</b>: every real prompt (kit and extras, trainable or not) is scored by the prototypes of
 * every other source (its own source's left out; authored ones never), held at half precision as the shipped {@link
 * PrototypeSet} holds them (the CV used float32). The jailbreak and harmful heads read the
 * prompt whole; the injection head the maximum of the whole prompt and what the screen reads besides it ({@link
 * #injectionReading}: the platform's {@link RoleSplitter}; the CV cut a prompt at its first blank line instead).
 *
 * <p><b>Thresholds</b>: calibrated with {@code worst} on the out-of-fold scores of the trainable real sources (a
 * source whose licence keeps it out of a shipped model is never in a calibration pool; the CV pooled every real
 * source). <b>Nested report</b> ({@link SourceHeldOutReport}): each real source judged with thresholds calibrated on
 * the other trainable sources' scores. Deterministic for a deterministic embedder.
 */
public final class PrototypeTrainer {

    /** The design's name in the tuned settings and the manifest. */
    public static final String DESIGN = "prototypes";

    /** How many nearest prototypes of a class are averaged. */
    public static final int TOP = 3;

    /** The sentences of a prompt read on their own (as the dump measured). */
    static final int SENTENCES = 8;

    /** The prototype classes, in the order of {@link NearestPrototypes}' class ids. */
    static final List<String> CLASSES = List.of(PrototypeSet.SAFE, "injection", "jailbreak", "harmful");

    private static final int EMBED_CHUNK = 2048;

    private final String embedder;
    private final int dimension;
    private final Function<List<String>, List<float[]>> embedding;
    private final Function<String, List<String>> reading;
    private final boolean calibrateOnEveryRealSource;
    private final boolean injectedSpans;
    private final Consumer<String> progress;
    private final int threads;

    /**
     * @param features the features whose embedding (its first {@link io.hallmark.retrieval.embed.Embedder#dimension()}
     *     values) the prototypes are
     */
    public PrototypeTrainer(TextFeatures features, Consumer<String> progress) {
        this(features, progress, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    PrototypeTrainer(TextFeatures features, Consumer<String> progress, int threads) {
        this(features.embedder().name(), features.embedder().dimension(), features::features,
                PrototypeTrainer::injectionReading, false, true, progress, threads);
    }

    /**
     * The trainer with every part given; the CV's own choices ({@code calibrateOnEveryRealSource}, a reading of the
     * first blank line) only reproduce its figures ({@code PrototypeParityRun}), never train a shipped model.
     *
     * @param embedding texts to vectors whose first {@code dimension} values are the embedding
     * @param reading a prompt to the texts the injection head reads beside it
     * @param calibrateOnEveryRealSource calibrate on every real source's scores, the never-trained ones included (as
     *     the CV did), rather than on the trainable ones only
     * @param injectedSpans whether the injected spans ({@link InjectedSpans}) are prototypes (the CV had none)
     */
    PrototypeTrainer(String embedder, int dimension, Function<List<String>, List<float[]>> embedding,
            Function<String, List<String>> reading, boolean calibrateOnEveryRealSource, boolean injectedSpans,
            Consumer<String> progress, int threads) {
        this.embedder = embedder;
        this.dimension = dimension;
        this.embedding = embedding;
        this.reading = reading;
        this.calibrateOnEveryRealSource = calibrateOnEveryRealSource;
        this.injectedSpans = injectedSpans;
        this.progress = progress;
        this.threads = threads;
    }

    /**
     * The trained input heads.
     *
     * @param prototypes the prototypes of every trainable prompt
     * @param heads {@code injection}, {@code jailbreak}, {@code harmful}: no logistic model, the calibrated threshold
     *     on the prototype probability, the out-of-fold F1 of the head's class against the safe prompts there
     * @param tuning the figures behind them, the nested report among them
     * @param outOfFold every real prompt's out-of-fold scores, in corpus order (for measuring)
     */
    public record Trained(PrototypeSet prototypes, Map<String, SafetyModel.Head> heads, SafetyModel.Tuning tuning,
            List<WorstSourceCalibration.Scored> outOfFold) {

        public SourceHeldOutReport report() {
            return tuning.sourceHeldOut();
        }

        /**
         * The whole safety model: these input heads and design 7's logistic toxicity head.
         *
         * @param embedder the embedding model the toxicity head reads ({@link SafetyModel#embedder()})
         */
        public SafetyModel model(String embedder, SafetyModel.Head toxicity, String trainedOn) {
            Map<String, SafetyModel.Head> all = new LinkedHashMap<>(heads);
            all.put("toxicity", toxicity);
            return new SafetyModel(embedder, all, trainedOn, tuning, prototypes);
        }
    }

    public Trained train(ScreenCorpus corpus) {
        List<ScreenCorpus.Item> items = corpus.items();
        if (items.stream().noneMatch(ScreenCorpus.Item::real)) {
            throw new IllegalArgumentException("The screen corpus has no kit or extras prompt to train on");
        }
        Map<String, Integer> sourceIds = new TreeMap<>();
        items.stream().filter(ScreenCorpus.Item::real).forEach(i -> sourceIds.putIfAbsent(i.source(), 0));
        int k0 = 0;
        for (var e : sourceIds.entrySet()) {
            e.setValue(k0++);
        }

        // every distinct text once
        Map<String, Integer> textIds = new LinkedHashMap<>();
        int[] whole = new int[items.size()];
        int[][] sentences = new int[items.size()][];
        int[][] reading = new int[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            ScreenCorpus.Item it = items.get(i);
            whole[i] = id(textIds, it.text());
            sentences[i] = it.safe() && it.trainable() ? ids(textIds, SafetyScreen.sentencesOf(it.text()).stream()
                    .limit(SENTENCES).toList()) : new int[0];
            reading[i] = it.real() ? ids(textIds, this.reading.apply(it.text())) : new int[0];
        }
        Map<Integer, List<String>> injected = injectedSpans ? InjectedSpans.of(items) : Map.of();
        Map<Integer, int[]> spanIds = new java.util.TreeMap<>();
        injected.forEach((i, spans) -> {
            if (items.get(i).trainable()) {
                List<String> pieces = new ArrayList<>();
                for (String span : spans) {
                    pieces.add(span);
                    List<String> sentencesOfSpan = SafetyScreen.sentencesOf(span);
                    if (sentencesOfSpan.size() > 1) {
                        pieces.addAll(sentencesOfSpan.stream().limit(SENTENCES).toList());
                    }
                }
                spanIds.put(i, ids(textIds, pieces));
            }
        });
        float[][] unit = embed(new ArrayList<>(textIds.keySet()));
        int dim = dimension;

        // prototypes: whole prompts under their class, safe prompts' sentences as safe
        List<float[]> vectors = new ArrayList<>();
        List<Integer> cls = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        Map<String, List<float[]>> byClass = new LinkedHashMap<>();
        CLASSES.forEach(c -> byClass.put(c, new ArrayList<>()));
        for (int i = 0; i < items.size(); i++) {
            ScreenCorpus.Item it = items.get(i);
            if (!it.trainable()) {
                continue;
            }
            int c = it.safe() ? 0 : CLASSES.indexOf(it.cls());
            int own = it.real() ? sourceIds.get(it.source()) : NearestPrototypes.NO_OWNER;
            vectors.add(unit[whole[i]]);
            cls.add(c);
            owner.add(own);
            for (int s : sentences[i]) {
                vectors.add(unit[s]);
                cls.add(0);
                owner.add(own);
            }
            for (int s : spanIds.getOrDefault(i, new int[0])) {
                vectors.add(unit[s]);
                cls.add(c);
                owner.add(own);
            }
        }
        for (int r = 0; r < vectors.size(); r++) {
            byClass.get(CLASSES.get(cls.get(r))).add(vectors.get(r));
        }
        byClass.forEach((c, l) -> {
            if (l.isEmpty()) {
                throw new IllegalArgumentException("No trainable prompt of class '" + c + "' in the screen corpus");
            }
        });
        // scored as stored: PrototypeSet.of below keeps exactly these half-precision values
        NearestPrototypes nearest = new NearestPrototypes(vectors.stream().map(PrototypeTrainer::stored)
                .toArray(float[][]::new),
                cls.stream().mapToInt(Integer::intValue).toArray(), owner.stream().mapToInt(Integer::intValue)
                .toArray(), CLASSES.size(), dim, TOP);

        // out-of-fold: each (text, own source) once
        Map<Long, Integer> queryIds = new LinkedHashMap<>();
        List<float[]> queries = new ArrayList<>();
        List<Integer> exclude = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ScreenCorpus.Item it = items.get(i);
            if (!it.real()) {
                continue;
            }
            int src = sourceIds.get(it.source());
            for (int t : concat(whole[i], reading[i])) {
                queryIds.computeIfAbsent((long) t * sourceIds.size() + src, k -> {
                    queries.add(unit[t]);
                    exclude.add(src);
                    return queries.size() - 1;
                });
            }
        }
        long t0 = System.nanoTime();
        progress.accept("scoring " + queries.size() + " texts against " + vectors.size() + " prototypes, each "
                + "source's own left out");
        double[][] tm = nearest.topMeans(queries.toArray(float[][]::new), exclude.stream().mapToInt(Integer::intValue)
                .toArray(), threads);
        progress.accept(String.format("scored in %.0f s", (System.nanoTime() - t0) / 1e9));

        List<WorstSourceCalibration.Scored> oof = new ArrayList<>();
        List<Integer> real = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ScreenCorpus.Item it = items.get(i);
            if (!it.real()) {
                continue;
            }
            int src = sourceIds.get(it.source());
            double[] w = tm[queryIds.get((long) whole[i] * sourceIds.size() + src)];
            double inj = probability(w, 1, it);
            for (int t : reading[i]) {
                inj = Math.max(inj, probability(tm[queryIds.get((long) t * sourceIds.size() + src)], 1, it));
            }
            oof.add(new WorstSourceCalibration.Scored(it.cls(), it.source(), inj, probability(w, 2, it),
                    probability(w, 3, it)));
            real.add(i);
        }
        Map<String, List<float[]>> prototypes = new LinkedHashMap<>(byClass);
        PrototypeSet set = PrototypeSet.of(embedder, dim, TOP, prototypes);
        return calibrateAndReport(items, real, oof, set, sourceIds.size());
    }

    private Trained calibrateAndReport(List<ScreenCorpus.Item> items, List<Integer> real,
            List<WorstSourceCalibration.Scored> oof, PrototypeSet set, int sources) {
        List<Integer> pool = new ArrayList<>();
        for (int k = 0; k < real.size(); k++) {
            if (items.get(real.get(k)).trainable() || calibrateOnEveryRealSource) {
                pool.add(k);
            }
        }
        Map<String, Double> fin = WorstSourceCalibration.calibrate(pool.stream().map(oof::get).toList(), true);
        progress.accept("thresholds on every trainable source: " + fin);
        Map<String, Map<String, Double>> perHeld = new TreeMap<>();
        List<Map<String, Boolean>> nested = new ArrayList<>();
        real.forEach(r -> nested.add(null));
        for (String src : new java.util.TreeSet<>(oof.stream().map(WorstSourceCalibration.Scored::source).toList())) {
            List<WorstSourceCalibration.Scored> others = pool.stream().map(oof::get).filter(s -> !s.source()
                    .equals(src)).toList();
            Map<String, Double> thr = WorstSourceCalibration.calibrate(others, true);
            perHeld.put(src, round(thr, 4));
            for (int k = 0; k < oof.size(); k++) {
                if (oof.get(k).source().equals(src)) {
                    nested.set(k, flags(oof.get(k), thr));
                }
            }
            progress.accept("held out " + src + ": thresholds " + round(thr, 4));
        }
        List<Map<String, Boolean>> pooled = oof.stream().map(s -> flags(s, fin)).toList();
        List<Integer> extras = new ArrayList<>();
        List<Integer> kit = new ArrayList<>();
        List<Integer> english = new ArrayList<>();
        for (int k = 0; k < real.size(); k++) {
            ScreenCorpus.Item it = items.get(real.get(k));
            (it.origin().equals(ScreenCorpus.EXTRAS) ? extras : kit).add(k);
            if (it.origin().equals(ScreenCorpus.EXTRAS) && !it.lang().equals("zh")) {
                english.add(k);
            }
        }
        Map<String, Integer> authored = new TreeMap<>();
        items.stream().filter(i -> !i.real()).forEach(i -> authored.merge(i.source().substring(
                ScreenCorpus.AUTHORED.length() + 1) + "|" + i.subset(), 1, Integer::sum));
        Map<String, Integer> authoredCounts = new LinkedHashMap<>();
        authoredCounts.put("total", authored.values().stream().mapToInt(Integer::intValue).sum());
        authoredCounts.putAll(authored);
        SourceHeldOutReport report = new SourceHeldOutReport(DESIGN, WorstSourceCalibration.ORDINARY_BUDGET,
                WorstSourceCalibration.RISKY_BUDGET, WorstSourceCalibration.MIN_ROWS,
                summarize(oof, extras, nested), summarize(oof, kit, nested), summarize(oof, extras, pooled),
                summarize(oof, kit, pooled), summarize(oof, english, nested).harmfulRecall(), round(fin, 4), perHeld,
                perSource(items, real, oof, nested), authoredCounts);

        SourceHeldOutReport.Goals onPool = summarize(oof, pool, pooled);
        List<Integer> xstest = pool.stream().filter(k -> oof.get(k).source().equals("xstest")).toList();
        Double xstestRecall = summarize(oof, xstest, pooled).harmfulRecall();
        Map<String, SafetyModel.Head> heads = new LinkedHashMap<>();
        for (String h : ScreenCorpus.HEADS) {
            heads.put(h, new SafetyModel.Head(null, fin.get(h), devF1(oof, pool, pooled, h), null));
        }
        SafetyModel.Tuning tuning = new SafetyModel.Tuning(sources, WorstSourceCalibration.RISKY_BUDGET,
                orZero(onPool.riskyLookingFlagged()), orZero(xstestRecall), Map.of(), null, null,
                WorstSourceCalibration.ORDINARY_BUDGET, orZero(onPool.ordinaryFlagged()), report);
        return new Trained(set, heads, tuning, oof);
    }

    /**
     * The texts the injection head reads beside the whole prompt (it scores their maximum), as the platform's screen
     * reads them ({@link SafetyScreen#explain}): a prompt with pasted data ({@link RoleSplitter}) as its instruction
     * whole (when it has one), each data span whole and the first {@value SafetyScreen#MAX_DATA_PIECES} sentences of
     * its data spans; a prompt without data not beyond its whole ({@link SafetyScreen#INSTRUCTION_READING}).
     *
     * <p>Until session 13 the trainer read a prompt without data by its first {@value #SENTENCES} sentences and only
     * the first {@value #SENTENCES} sentences of data, which the screen does not do: the out-of-fold scores, the
     * thresholds and the nested report then measured a reading no user got (docs/evaluation/safety-and-bias.md,
     * "Design 16").
     */
    static List<String> injectionReading(String prompt) {
        return injectionReading(prompt, SafetyScreen.MAX_DATA_PIECES, false);
    }

    /**
     * {@link #injectionReading(String)} with the first {@code dataSentences} sentences of the data, and a prompt
     * without data read by its first {@value #SENTENCES} sentences or not beyond its whole (dev studies; design 15
     * was trained with 8 and by sentences).
     */
    static List<String> injectionReading(String prompt, int dataSentences, boolean plainBySentence) {
        RoleSplitter.Split split = RoleSplitter.split(prompt);
        if (split.instructionOnly()) {
            return plainBySentence ? SafetyScreen.sentencesOf(prompt).stream().limit(SENTENCES).toList() : List.of();
        }
        List<String> out = new ArrayList<>();
        String instruction = split.instruction().strip();
        if (!instruction.isEmpty()) {
            out.add(instruction);
        }
        List<String> sentencesOfData = new ArrayList<>();
        for (RoleSplitter.Span s : split.data()) {
            String d = s.text(prompt).strip();
            if (!d.isEmpty()) {
                out.add(d);
                sentencesOfData.addAll(SafetyScreen.sentencesOf(d));
            }
        }
        out.addAll(sentencesOfData.stream().limit(dataSentences).toList());
        return out;
    }

    private static double probability(double[] topMeans, int head, ScreenCorpus.Item it) {
        if (Double.isNaN(topMeans[head]) || Double.isNaN(topMeans[0])) {
            throw new IllegalStateException("With " + it.source() + " left out, no '" + CLASSES.get(head) + "' or safe "
                    + "prototype is left to score it by");
        }
        return (1 + topMeans[head] - topMeans[0]) / 2;
    }

    private float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        long t0 = System.nanoTime();
        progress.accept("embedding " + texts.size() + " texts with " + embedder);
        for (int from = 0; from < texts.size(); from += EMBED_CHUNK) {
            List<float[]> xs = embedding.apply(texts.subList(from, Math.min(texts.size(), from + EMBED_CHUNK)));
            for (int k = 0; k < xs.size(); k++) {
                out[from + k] = unit(xs.get(k), dimension);
            }
            progress.accept(String.format("embedded %d of %d (%.0f s)", Math.min(texts.size(), from + EMBED_CHUNK),
                    texts.size(), (System.nanoTime() - t0) / 1e9));
        }
        return out;
    }

    /** The first {@code dim} values (the embedding), at unit length. */
    static float[] unit(float[] x, int dim) {
        double norm = 0;
        for (int d = 0; d < dim; d++) {
            norm += (double) x[d] * x[d];
        }
        double inv = 1 / Math.max(1e-6, Math.sqrt(norm));
        float[] u = new float[dim];
        for (int d = 0; d < dim; d++) {
            u[d] = (float) (x[d] * inv);
        }
        return u;
    }

    /**
     * A prototype as {@link PrototypeSet#of} stores it (normalized, then at half precision), so that the out-of-fold
     * scores the thresholds are calibrated on are the scores the shipped prototypes give.
     */
    static float[] stored(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.float16ToFloat(Float.floatToFloat16((float) (v[i] * inv)));
        }
        return out;
    }

    private static int id(Map<String, Integer> ids, String text) {
        return ids.computeIfAbsent(text, k -> ids.size());
    }

    private static int[] ids(Map<String, Integer> ids, List<String> texts) {
        return texts.stream().mapToInt(t -> id(ids, t)).toArray();
    }

    private static int[] concat(int first, int[] rest) {
        int[] out = new int[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static Map<String, Boolean> flags(WorstSourceCalibration.Scored s, Map<String, Double> thr) {
        Map<String, Boolean> f = new LinkedHashMap<>();
        f.put("injection", s.injection() >= thr.get("injection"));
        f.put("jailbreak", s.jailbreak() >= thr.get("jailbreak"));
        f.put("harmful", s.harmful() >= thr.get("harmful"));
        return f;
    }

    /** Issue 18's five goals over {@code idx} ({@code summarize} of the CV). */
    static SourceHeldOutReport.Goals summarize(List<WorstSourceCalibration.Scored> oof, List<Integer> idx,
            List<Map<String, Boolean>> flags) {
        int[] benign = new int[2];
        int[] risky = new int[2];
        int[] jb = new int[2];
        int[] hm = new int[2];
        int[] hmAny = new int[2];
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int k : idx) {
            String c = oof.get(k).cls();
            Map<String, Boolean> fl = flags.get(k);
            boolean any = fl.containsValue(true);
            switch (c) {
                case "benign", "risky" -> {
                    int[] a = c.equals("benign") ? benign : risky;
                    a[0]++;
                    a[1] += any ? 1 : 0;
                    fp += fl.get("injection") ? 1 : 0;
                }
                case "injection" -> {
                    tp += fl.get("injection") ? 1 : 0;
                    fn += fl.get("injection") ? 0 : 1;
                }
                case "jailbreak" -> {
                    jb[0]++;
                    jb[1] += any ? 1 : 0;
                }
                default -> {
                    hm[0]++;
                    hm[1] += fl.get("harmful") ? 1 : 0;
                    hmAny[0]++;
                    hmAny[1] += any ? 1 : 0;
                }
            }
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("benign", benign[0]);
        rows.put("risky", risky[0]);
        rows.put("jb", jb[0]);
        rows.put("hm", hm[0]);
        rows.put("hm_any", hmAny[0]);
        rows.put("injection", tp + fn);
        return new SourceHeldOutReport.Goals(rate(benign), rate(risky),
                round(WorstSourceCalibration.f1(tp, fp, fn), 4), round((double) tp / Math.max(1, tp + fp), 4),
                round((double) tp / Math.max(1, tp + fn), 4), rate(hm), rate(hmAny), rate(jb), rows);
    }

    private static Map<String, SourceHeldOutReport.SourceRow> perSource(List<ScreenCorpus.Item> items,
            List<Integer> real, List<WorstSourceCalibration.Scored> oof, List<Map<String, Boolean>> flags) {
        Map<String, int[]> counts = new TreeMap<>();
        for (int k = 0; k < real.size(); k++) {
            ScreenCorpus.Item it = items.get(real.get(k));
            int[] c = counts.computeIfAbsent(it.source() + "|" + it.subset(), s -> new int[5]);
            Map<String, Boolean> fl = flags.get(k);
            c[0]++;
            c[1] += fl.containsValue(true) ? 1 : 0;
            c[2] += fl.get("injection") ? 1 : 0;
            c[3] += fl.get("jailbreak") ? 1 : 0;
            c[4] += fl.get("harmful") ? 1 : 0;
        }
        Map<String, SourceHeldOutReport.SourceRow> out = new LinkedHashMap<>();
        counts.forEach((key, c) -> out.put(key, new SourceHeldOutReport.SourceRow(c[0], round((double) c[1] / c[0], 3),
                round((double) c[2] / c[0], 3), round((double) c[3] / c[0], 3), round((double) c[4] / c[0], 3))));
        return out;
    }

    /** The head's F1 on the pool at its threshold: its class against the safe prompts. */
    private static double devF1(List<WorstSourceCalibration.Scored> oof, List<Integer> pool,
            List<Map<String, Boolean>> flags, String head) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int k : pool) {
            String c = oof.get(k).cls();
            boolean f = flags.get(k).get(head);
            if (c.equals(head)) {
                tp += f ? 1 : 0;
                fn += f ? 0 : 1;
            } else if (c.equals("benign") || c.equals("risky")) {
                fp += f ? 1 : 0;
            }
        }
        return round(WorstSourceCalibration.f1(tp, fp, fn), 4);
    }

    private static Double rate(int[] c) {
        return c[0] == 0 ? null : round((double) c[1] / c[0], 4);
    }

    private static double orZero(Double v) {
        return v == null ? 0 : v;
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    private static Map<String, Double> round(Map<String, Double> m, int places) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, round(v, places)));
        return out;
    }
}
