package io.hallmark.governance.ml;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How the governance models are trained. {@link #fit} runs DJL's training API (mini-batch Adam on the PyTorch engine)
 * over in-memory rows for any block and loss (the fact-check verdict MLP uses it). {@link #logistic} trains a single
 * linear unit under a weighted sigmoid cross-entropy loss (the safety heads, the stereotype ranker and its
 * calibration, the coreference resolver) with the same Adam in plain Java ({@link LinearTrainer}), because those are
 * the shipped default models and must come out byte for byte the same on every machine, which PyTorch's CPU kernels
 * do not guarantee; scoring is plain Java too ({@link LogisticModel}).
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
        fit(model, loss, x, m -> m.create(y), settings);
    }

    private static void fit(Model model, Loss loss, float[][] x, Function<NDManager, NDArray> labels,
            Settings settings) {
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
        return LinearTrainer.train(x, y, weights, intercept, settings, checkpoints);
    }
}
