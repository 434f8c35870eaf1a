package io.hallmark.imagegen.diffusion;

import ai.djl.inference.Predictor;
import io.hallmark.imagegen.OnnxSignature.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The denoising UNet: latents {@code sample [batch, 4, h, w]}, a {@code timestep} and the text encoder's
 * {@code encoder_hidden_states} to the predicted noise {@code out_sample}. The timestep goes in as the file declares
 * it: a scalar for rank 0 (Optimum 1.24 and later: float32), shape {@code [1]} for rank 1 (Optimum 1.6 to 1.23:
 * int64), converted to its element type.
 */
final class Unet {

    /** The three inputs an Optimum UNet has. */
    static final List<Signatures.Expected> INPUTS = List.of(
            new Signatures.Expected("sample", "float32 or float16, [batch_size, 4, height, width]", Signatures.floatOfRank(4)),
            new Signatures.Expected("timestep", "float or int64, rank 0 or rank 1",
                    s -> (Signatures.isFloat(s) || Signatures.isInteger(s)) && s.rank() <= 1),
            new Signatures.Expected("encoder_hidden_states", "float32 or float16, [batch_size, sequence_length, hidden]",
                    Signatures.floatOfRank(3)));

    private final OnnxComponent model;
    private final Tensor sample;
    private final Tensor timestep;
    private final String output;
    private final boolean batches;

    Unet(OnnxComponent model) {
        this.model = model;
        this.sample = Signatures.input(model.signature(), "sample").orElseThrow();
        this.timestep = Signatures.input(model.signature(), "timestep").orElseThrow();
        this.output = Signatures.output("unet", model.file(), model.signature(), "out_sample");
        this.batches = Signatures.batchesTwo(sample);
    }

    /** True if cond and uncond go through in one call of batch 2. */
    boolean batchesGuidance() {
        return batches;
    }

    Tensor sampleSpec() {
        return sample;
    }

    Tensor timestepSpec() {
        return timestep;
    }

    Predictor<List<OnnxComponent.Feed>, Map<String, FloatTensor>> newPredictor() {
        return model.newPredictor();
    }

    /** One UNet call: {@code latents [b, c, h, w]} and {@code hidden [b, seq, dim]} at {@code t}. */
    FloatTensor predict(Predictor<List<OnnxComponent.Feed>, Map<String, FloatTensor>> predictor, FloatTensor latents,
            double t, FloatTensor hidden) {
        long[] timestepShape = timestep.rank() == 0 ? new long[0]
                : new long[] {timestep.dims().getFirst() < 0 ? 1 : timestep.dims().getFirst()};
        int n = timestepShape.length == 0 ? 1 : (int) timestepShape[0];
        OnnxComponent.Feed timestepFeed;
        if (Signatures.isInteger(timestep)) {
            long[] v = new long[n];
            java.util.Arrays.fill(v, Math.round(t));
            timestepFeed = OnnxComponent.Feed.ints("timestep", timestepShape, v);
        } else {
            float[] v = new float[n];
            java.util.Arrays.fill(v, (float) t);
            timestepFeed = OnnxComponent.Feed.floats("timestep", timestepShape, v);
        }
        Map<String, FloatTensor> out = model.run(predictor, List.of(
                OnnxComponent.Feed.floats("sample", latents.shape(), latents.data()),
                timestepFeed,
                OnnxComponent.Feed.floats("encoder_hidden_states", hidden.shape(), hidden.data())));
        return out.get(output);
    }
}
