package io.hallmark.governance.ml;

import ai.djl.Model;
import ai.djl.engine.Engine;
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

/**
 * The one way the governance models are trained with DJL's training API on the PyTorch engine: {@link #fit} runs
 * mini-batch Adam over in-memory rows for any block and loss (the fact-check verdict MLP uses it), and {@link
 * #logistic} trains a single linear unit under the sigmoid cross-entropy loss and hands its weights back as a {@link
 * LogisticModel}, so scoring stays plain Java (no native engine, thread-safe) while training is DJL's.
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
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("Need as many labels as rows (and at least one), got " + x.length + " rows and "
                    + y.length + " labels");
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
            ArrayDataset data = new ArrayDataset.Builder().setData(m.create(x)).optLabels(m.create(y))
                    .setSampling(settings.batchSize(), true).build();
            EasyTrain.fit(trainer, settings.epochs(), data, null);
        } catch (IOException | TranslateException e) {
            throw new IllegalStateException("Training the model '" + model.getName() + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * Trains a logistic regression: one linear unit, with or without an intercept, under the sigmoid cross-entropy
     * loss. Without an intercept and with feature differences as rows it is a pairwise ranker.
     *
     * @param y labels 0 or 1
     */
    public static LogisticModel logistic(String name, float[][] x, float[] y, boolean intercept, Settings settings) {
        try (Model model = Model.newInstance(name, ENGINE)) {
            model.setBlock(new SequentialBlock()
                    .add(Linear.builder().setUnits(1).optBias(intercept).build())
                    .add(in -> new NDList(in.singletonOrThrow().reshape(-1))));
            fit(model, Loss.sigmoidBinaryCrossEntropyLoss(), x, y, settings);
            float[] weights = null;
            double bias = 0;
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                float[] values = p.getValue().getArray().toFloatArray();
                if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                    weights = values;
                } else if (p.getValue().getType() == Parameter.Type.BIAS) {
                    bias = values[0];
                }
            }
            if (weights == null || weights.length != x[0].length) {
                throw new IllegalStateException("The trained linear unit of '" + name + "' has no weight of width "
                        + x[0].length);
            }
            return new LogisticModel(weights, bias);
        }
    }
}
