package io.hallmark.imagegen.diffusion;

import java.util.List;
import java.util.Map;

/** The VAE decoder: latents {@code [1, 4, h, w]} (already divided by the scaling factor) to {@code [1, 3, 8h, 8w]}. */
final class VaeDecoder {

    /** The one input an Optimum VAE decoder has. */
    static final List<Signatures.Expected> INPUTS = List.of(new Signatures.Expected("latent_sample",
            "float32 or float16, [batch_size, 4, latent_height, latent_width]", Signatures.floatOfRank(4)));

    private final OnnxComponent model;
    private final String output;

    VaeDecoder(OnnxComponent model) {
        this.model = model;
        this.output = Signatures.output("vae_decoder", model.file(), model.signature(), "sample");
    }

    FloatTensor decode(FloatTensor latents) {
        Map<String, FloatTensor> out = model.run(List.of(
                OnnxComponent.Feed.floats("latent_sample", latents.shape(), latents.data())));
        return out.get(output);
    }
}
