package io.hallmark.imagegen.diffusion;

import io.hallmark.imagegen.OnnxSignature;
import java.util.List;
import java.util.Map;

/** The CLIP text encoder: token ids {@code [batch, 77]} to hidden states {@code [batch, 77, hidden]}. */
final class TextEncoder {

    /** Both outputs of one call. */
    record Encoding(FloatTensor lastHiddenState, FloatTensor pooled) {}

    /** The one input an Optimum text encoder has. */
    static final List<Signatures.Expected> INPUTS = List.of(new Signatures.Expected("input_ids",
            "int32 or int64, [batch_size, sequence_length]", s -> Signatures.isInteger(s) && s.rank() == 2));

    private final OnnxComponent model;
    private final String hiddenOutput;
    private final boolean batches;

    TextEncoder(OnnxComponent model) {
        this.model = model;
        this.hiddenOutput = Signatures.output("text_encoder", model.file(), model.signature(),
                "last_hidden_state");
        OnnxSignature.Tensor ids = Signatures.input(model.signature(), "input_ids").orElseThrow();
        this.batches = Signatures.batchesTwo(ids);
    }

    /** The element type and dimensions the file declares, e.g. {@code input_ids INT64[batch_size, sequence_length]}. */
    OnnxSignature.Tensor idsSpec() {
        return Signatures.input(model.signature(), "input_ids").orElseThrow();
    }

    /** Encodes each row of {@code ids} (all of one length), in one call where the model takes a batch. */
    Encoding encode(int[]... ids) {
        if (!batches && ids.length > 1) {
            FloatTensor[] hidden = new FloatTensor[ids.length];
            FloatTensor[] pooled = new FloatTensor[ids.length];
            for (int i = 0; i < ids.length; i++) {
                Encoding one = encode(ids[i]);
                hidden[i] = one.lastHiddenState().slice(0);
                pooled[i] = one.pooled() == null ? null : one.pooled().slice(0);
            }
            return new Encoding(FloatTensor.stack(hidden), pooled[0] == null ? null : FloatTensor.stack(pooled));
        }
        int length = ids[0].length;
        long[] flat = new long[ids.length * length];
        for (int i = 0; i < ids.length; i++) {
            for (int j = 0; j < length; j++) {
                flat[i * length + j] = ids[i][j];
            }
        }
        Map<String, FloatTensor> out = model.run(List.of(
                OnnxComponent.Feed.ints("input_ids", new long[] {ids.length, length}, flat)));
        return new Encoding(out.get(hiddenOutput), out.get("pooler_output"));
    }
}
