package io.hallmark.imagegen.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.hallmark.imagegen.OnnxSignature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature reader on both Optimum flavours of the SD fixture, against ONNX Runtime's own view of each file. */
class OnnxSignatureOnDiffusionExportsTest {

    private static Path model(String fixture, String component) {
        return Fixtures.dir(fixture).resolve(component).resolve("model.onnx");
    }

    @Test
    void readsTheTwoOptimumFlavoursIdsAndTimestep() throws IOException {
        assertThat(OnnxSignature.read(model("tiny-sd-onnx", "unet")).inputs()).extracting(Object::toString)
                .containsExactly("sample float32[-1, 4, -1, -1]", "timestep float32[]",
                        "encoder_hidden_states float32[-1, -1, 32]");
        assertThat(OnnxSignature.read(model("tiny-sd-onnx", "text_encoder")).inputs().getFirst())
                .hasToString("input_ids int64[-1, -1]");
        OnnxSignature.Tensor legacyTimestep = OnnxSignature.read(model("tiny-sd-onnx-legacy", "unet")).inputs().get(1);
        assertThat(legacyTimestep).hasToString("timestep int64[-1]");
        assertThat(legacyTimestep.dimNames()).containsExactly("steps");
        assertThat(OnnxSignature.read(model("tiny-sd-onnx-legacy", "text_encoder")).inputs().getFirst())
                .hasToString("input_ids int32[-1, -1]");
    }

    @Test
    void agreesWithOnnxRuntimesSessionForEveryComponent() throws IOException, OrtException {
        // DJL's engine makes the process's one OrtEnvironment (with its thread pool); it must come first
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (String fixture : Fixtures.NAMES) {
            for (String component : List.of("text_encoder", "unet", "vae_decoder", "vae_encoder")) {
                Path file = model(fixture, component);
                OnnxSignature ours = OnnxSignature.read(file);
                try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions())) {
                    assertThat(describe(ours.inputs())).as("%s/%s inputs", fixture, component)
                            .isEqualTo(describe(session.getInputInfo()));
                    assertThat(describe(ours.outputs())).as("%s/%s outputs", fixture, component)
                            .isEqualTo(describe(session.getOutputInfo()));
                }
            }
        }
    }

    private static List<String> describe(List<OnnxSignature.Tensor> tensors) {
        return tensors.stream().map(Object::toString).toList();
    }

    private static List<String> describe(Map<String, NodeInfo> infos) {
        List<String> out = new ArrayList<>();
        for (NodeInfo info : infos.values()) {
            TensorInfo t = (TensorInfo) info.getInfo();
            List<Long> dims = new ArrayList<>();
            for (long d : t.getShape()) {
                dims.add(d);
            }
            int code = switch (t.onnxType) {
                case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> OnnxSignature.FLOAT;
                case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16 -> OnnxSignature.FLOAT16;
                case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> OnnxSignature.INT32;
                case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> OnnxSignature.INT64;
                default -> -1;
            };
            out.add(info.getName() + " " + OnnxSignature.typeName(code) + dims);
        }
        return out;
    }
}
