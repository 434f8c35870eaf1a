package io.hallmark.governance.ml;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import ai.djl.util.Pair;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The one way the governance models are trained: DJL's training API on the PyTorch engine. {@link #fit} runs
 * mini-batch Adam over in-memory rows for any block and loss (the fact-check verdict MLP uses it), and {@link
 * #logistic} trains a single linear unit under a weighted sigmoid cross-entropy loss and hands its weights back as a
 * {@link LogisticModel} (the safety heads, the stereotype ranker and its calibration, the coreference resolver), so
 * scoring stays plain Java (no native engine, thread-safe) while training is DJL's.
 */
public final class DjlTraining {

    /** The engine every governance model trains on. */
    public static final String ENGINE = "PyTorch";

    /**
     * Training settings.
     *
     * @param epochs passes over the rows
     * @param batchSize rows per step
     * @param learningRate Adam's fixed learning rate
     * @param weightDecay L2 weight decay (0 for none)
     * @param seed for the engine's initialisation and the batch shuffling
     */
    public record Settings(int epochs, int batchSize, float learningRate, float weightDecay, long seed) {
        public Settings {
            if (epochs < 1 || batchSize < 1 || learningRate <= 0 || weightDecay < 0) {
                throw new IllegalArgumentException("Training settings need epochs >= 1, batchSize >= 1, learningRate > 0 "
                        + "and weightDecay >= 0, got " + epochs + ", " + batchSize + ", " + learningRate + ", "
                        + weightDecay);
            }
        }
    }

    private DjlTraining() {}

    /**
     * Trains the model's block in place.
     *
     * @param model a model whose block is set and not yet initialised
     * @param loss the loss between the block's output and the labels
     * @param x the rows, all of one width
     * @param y one label per row (the block's output must match its shape: one value per row)
     */
    public static void fit(Model model, Loss loss, float[][] x, float[] y, Settings settings) {
        if (y.length != x.length) {
            throw new IllegalArgumentException("Need as many labels as rows, got " + x.length + " rows and " + y.length
                    + " labels");
        }
        fit(model, loss, x, m -> m.create(y), settings, epoch -> {});
    }

    private static void fit(Model model, Loss loss, float[][] x, Function<NDManager, NDArray> labels, Settings settings,
            IntConsumer afterEpoch) {
        if (x.length == 0) {
            throw new IllegalArgumentException("Training the model '" + model.getName() + "' needs at least one row");
        }
        Engine.getEngine(ENGINE).setRandomSeed((int) settings.seed());
        Adam.Builder adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate()));
        if (settings.weightDecay() > 0) {
            adam.optWeightDecays(settings.weightDecay());
        }
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(adam.build());
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(1, x[0].length));
            NDManager m = trainer.getManager();
            ArrayDataset data = new ArrayDataset.Builder().setData(m.create(x)).optLabels(labels.apply(m))
                    .setSampling(settings.batchSize(), true).build();
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                for (Batch batch : trainer.iterateDataset(data)) {
                    try (batch) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                    }
                }
                afterEpoch.accept(epoch);
            }
        } catch (IOException | TranslateException e) {
            throw new IllegalStateException("Training the model '" + model.getName() + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * Trains a logistic regression: one linear unit, with or without an intercept, under the sigmoid cross-entropy
     * loss, each row weighted. Without an intercept and with feature differences as rows it is a pairwise ranker.
     *
     * @param y labels 0 or 1
     * @param weights a weight per row (class balancing, hard negatives), or {@code null} for all 1
     */
    public static LogisticModel logistic(String name, float[][] x, float[] y, float @Nullable [] weights,
            boolean intercept, Settings settings) {
        return logisticCheckpoints(name, x, y, weights, intercept, settings, new int[] {settings.epochs()})
                .get(settings.epochs());
    }

    /**
     * {@link #logistic} that also hands back the model as it stood after each of the given epochs, from one run: the
     * model after {@code e} epochs is the one {@code logistic} trains with {@code epochs = e} and otherwise the same
     * settings (the learning rate is fixed and the batch order depends only on the seed), so a search over epoch
     * counts costs one run.
     *
     * @param checkpoints epoch counts, each between 1 and {@code settings.epochs()}
     * @return the model after each checkpoint, by epoch count
     */
    public static Map<Integer, LogisticModel> logisticCheckpoints(String name, float[][] x, float[] y,
            float @Nullable [] weights, boolean intercept, Settings settings, int[] checkpoints) {
        if (y.length != x.length || (weights != null && weights.length != x.length)) {
            throw new IllegalArgumentException("Need a label (and a weight, if weighted) per row, got " + x.length
                    + " rows, " + y.length + " labels and " + (weights == null ? "no" : weights.length) + " weights");
        }
        for (int c : checkpoints) {
            if (c < 1 || c > settings.epochs()) {
                throw new IllegalArgumentException("Checkpoints must lie between 1 and " + settings.epochs()
                        + " epochs, got " + Arrays.toString(checkpoints));
            }
        }
        float[][] labels = new float[y.length][];
        for (int i = 0; i < y.length; i++) {
            labels[i] = new float[] {y[i], weights == null ? 1f : weights[i]};
        }
        Map<Integer, LogisticModel> out = new LinkedHashMap<>();
        synchronized (SINGLE_THREAD) {
            Engine.getEngine(ENGINE);
            int threads = JniUtils.getNumThreads();
            JniUtils.setNumThreads(1);
            try (Model model = Model.newInstance(name, ENGINE)) {
                model.setBlock(new SequentialBlock()
                        .add(Linear.builder().setUnits(1).optBias(intercept).build())
                        .add(in -> new NDList(in.singletonOrThrow().reshape(-1))));
                fit(model, new WeightedLogisticLoss(), x, m -> m.create(labels), settings, epoch -> {
                    if (Arrays.stream(checkpoints).anyMatch(c -> c == epoch)) {
                        out.put(epoch, weightsOf(name, model, x[0].length));
                    }
                });
            } finally {
                JniUtils.setNumThreads(threads);
            }
        }
        return out;
    }

    /**
     * Held while a linear unit trains on one PyTorch intra-op thread (the engine's thread count is process-wide, so
     * two trainings must not interleave their set and restore). A linear unit's steps are far too small to share:
     * on the shared 2-core machine a 20-epoch safety head took 26 s on two threads and 1.2-2.8 s on one, the two
     * threads spending the difference waiting on each other.
     */
    private static final Object SINGLE_THREAD = new Object();

    private static LogisticModel weightsOf(String name, Model model, int width) {
        float[] trained = null;
        double bias = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            float[] values = p.getValue().getArray().toFloatArray();
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                trained = values;
            } else if (p.getValue().getType() == Parameter.Type.BIAS) {
                bias = values[0];
            }
        }
        if (trained == null || trained.length != width) {
            throw new IllegalStateException("The trained linear unit of '" + name + "' has no weight of width " + width);
        }
        return new LogisticModel(trained, bias);
    }

    /** Sigmoid cross-entropy on logits, labels as rows of (label, weight): the weighted mean over the batch. */
    private static final class WeightedLogisticLoss extends Loss {

        WeightedLogisticLoss() {
            super("WeightedLogisticLoss");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray z = predictions.singletonOrThrow();
            NDArray rows = labels.singletonOrThrow();
            NDArray y = rows.get(":, 0");
            NDArray w = rows.get(":, 1");
            // log(1 + exp(z)) - y z, written stably: max(z, 0) - y z + log(1 + exp(-|z|))
            NDArray loss = z.maximum(0).sub(z.mul(y)).add(z.abs().neg().exp().add(1).log());
            return loss.mul(w).sum().div(w.sum().add(1e-12f));
        }
    }
}
