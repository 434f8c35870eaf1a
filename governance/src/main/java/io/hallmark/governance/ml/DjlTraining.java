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
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import ai.djl.util.Pair;
import java.io.IOException;
import java.util.function.Function;
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
        fit(model, loss, x, m -> m.create(y), settings);
    }

    private static void fit(Model model, Loss loss, float[][] x, Function<NDManager, NDArray> labels, Settings settings) {
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
            EasyTrain.fit(trainer, settings.epochs(), data, null);
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
        if (y.length != x.length || (weights != null && weights.length != x.length)) {
            throw new IllegalArgumentException("Need a label (and a weight, if weighted) per row, got " + x.length
                    + " rows, " + y.length + " labels and " + (weights == null ? "no" : weights.length) + " weights");
        }
        float[][] labels = new float[y.length][];
        for (int i = 0; i < y.length; i++) {
            labels[i] = new float[] {y[i], weights == null ? 1f : weights[i]};
        }
        try (Model model = Model.newInstance(name, ENGINE)) {
            model.setBlock(new SequentialBlock()
                    .add(Linear.builder().setUnits(1).optBias(intercept).build())
                    .add(in -> new NDList(in.singletonOrThrow().reshape(-1))));
            fit(model, new WeightedLogisticLoss(), x, m -> m.create(labels), settings);
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
            if (trained == null || trained.length != x[0].length) {
                throw new IllegalStateException("The trained linear unit of '" + name + "' has no weight of width "
                        + x[0].length);
            }
            return new LogisticModel(trained, bias);
        }
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
