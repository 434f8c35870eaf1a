package io.hallmark.governance.factcheck.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.ml.DjlTraining;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The trained verdict model: a small MLP (features, 32 ReLU units, 3 verdicts) over {@link VerdictFeatures},
 * trained with DJL's training API ({@link DjlTraining#fit}: Adam, softmax cross-entropy, classes balanced by
 * oversampling) on the PyTorch engine, and saved as {@code verdict-0000.params} plus {@code verdict.json} (feature names, normalisation).
 * Prediction is serialised: the model is tiny and DJL blocks are not documented as thread-safe.
 */
public final class VerdictModel implements AutoCloseable {

    static final String NAME = "verdict";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Model model;
    private final List<String> features;
    private final float[] mean;
    private final float[] scale;

    private VerdictModel(Model model, List<String> features, float[] mean, float[] scale) {
        this.model = model;
        this.features = List.copyOf(features);
        this.mean = mean;
        this.scale = scale;
    }

    private static SequentialBlock block() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(32).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(Verdict.values().length).build());
    }

    /** One training example. */
    public record Example(Map<String, Double> features, Verdict label) {}

    /**
     * Trains a model on labelled examples.
     *
     * @param epochs passes over the (balanced) data
     * @param seed for the oversampling and shuffling
     */
    public static VerdictModel train(List<Example> examples, int epochs, long seed) {
        if (examples.size() < 10) {
            throw new IllegalArgumentException("Training the verdict model needs at least 10 examples, got "
                    + examples.size());
        }
        List<String> names = new ArrayList<>(examples.get(0).features().keySet());
        examples.forEach(e -> e.features().keySet().forEach(k -> {
            if (!names.contains(k)) {
                names.add(k);
            }
        }));
        int d = names.size();
        float[] mean = new float[d];
        float[] scale = new float[d];
        List<float[]> xs = examples.stream().map(e -> VerdictFeatures.vector(e.features(), names)).toList();
        for (float[] x : xs) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[j] / xs.size();
            }
        }
        for (float[] x : xs) {
            for (int j = 0; j < d; j++) {
                scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / xs.size();
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] < 1e-8 ? 1f : (float) Math.sqrt(scale[j]);
        }
        // balance the classes by oversampling
        Map<Verdict, List<Integer>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byClass.computeIfAbsent(examples.get(i).label(), v -> new ArrayList<>()).add(i);
        }
        int most = byClass.values().stream().mapToInt(List::size).max().orElse(0);
        Random random = new Random(seed);
        List<Integer> rows = new ArrayList<>();
        for (List<Integer> members : byClass.values()) {
            rows.addAll(members);
            for (int i = members.size(); i < most; i++) {
                rows.add(members.get(random.nextInt(members.size())));
            }
        }
        float[][] x = new float[rows.size()][];
        float[] y = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = normalise(xs.get(rows.get(i)), mean, scale);
            y[i] = examples.get(rows.get(i)).label().ordinal();
        }
        Model model = Model.newInstance(NAME, DjlTraining.ENGINE);
        model.setBlock(block());
        try {
            DjlTraining.fit(model, Loss.softmaxCrossEntropyLoss(), x, y, new DjlTraining.Settings(epochs, 32, 0.01f, 0, seed));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return new VerdictModel(model, names, mean, scale);
    }

    /**
     * Out-of-fold predictions: the examples split into {@code folds} parts (by index modulo folds), each predicted
     * by a model trained on the others. For choosing training settings on dev without scoring a model on its own
     * training data.
     */
    public static List<Verdict> crossValidate(List<Example> examples, int folds, int epochs, long seed) {
        Verdict[] out = new Verdict[examples.size()];
        for (int f = 0; f < folds; f++) {
            List<Example> train = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (i % folds != f) {
                    train.add(examples.get(i));
                }
            }
            try (VerdictModel model = train(train, epochs, seed + f)) {
                for (int i = f; i < examples.size(); i += folds) {
                    double[] p = model.predict(examples.get(i).features());
                    int best = 0;
                    for (int j = 1; j < p.length; j++) {
                        if (p[j] > p[best]) {
                            best = j;
                        }
                    }
                    out[i] = Verdict.values()[best];
                }
            }
        }
        return List.of(out);
    }

    private static float[] normalise(float[] x, float[] mean, float[] scale) {
        float[] out = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = (x[j] - mean[j]) / scale[j];
        }
        return out;
    }

    /** The feature names, in input order. */
    public List<String> features() {
        return features;
    }

    /** Verdict probabilities, in {@link Verdict} order. */
    public synchronized double[] predict(Map<String, Double> namedFeatures) {
        float[] x = normalise(VerdictFeatures.vector(namedFeatures, features), mean, scale);
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray in = m.create(new float[][] {x});
            NDList out = model.getBlock().forward(new ParameterStore(m, false), new NDList(in), false);
            float[] p = out.singletonOrThrow().softmax(-1).toFloatArray();
            double[] result = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                result[i] = p[i];
            }
            return result;
        }
    }

    /** Writes the model into a folder (created if needed). */
    public void save(Path folder) {
        try {
            Files.createDirectories(folder);
            model.save(folder, NAME);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("features", features);
            meta.put("mean", mean);
            meta.put("scale", scale);
            meta.put("classes", List.of(Verdict.values()));
            JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(NAME + ".json").toFile(), meta);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the verdict model to " + folder, e);
        }
    }

    /** Whether a folder holds a saved model. */
    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(NAME + ".json"));
    }

    /** Reads a model written by {@link #save}. */
    @SuppressWarnings("unchecked")
    public static VerdictModel load(Path folder) {
        try {
            Map<String, Object> meta = JSON.readValue(folder.resolve(NAME + ".json").toFile(), Map.class);
            List<String> names = (List<String>) meta.get("features");
            Model model = Model.newInstance(NAME, DjlTraining.ENGINE);
            model.setBlock(block());
            model.load(folder, NAME);
            return new VerdictModel(model, names, floats(meta.get("mean")), floats(meta.get("scale")));
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("Cannot load the verdict model from " + folder + ": " + e.getMessage()
                    + "; train one with ./hallmark train factcheck", e);
        }
    }

    private static float[] floats(Object list) {
        List<Number> l = (List<Number>) list;
        float[] out = new float[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i).floatValue();
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
