package io.hallmark.imagegen.diffusion.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxSignatureTest {

    private static Path model(String fixture, String component) {
        Path shared = Path.of(System.getProperty("hallmark.shared.dir", "../../shared")).toAbsolutePath().normalize();
        return shared.resolve("models").resolve(fixture).resolve(component).resolve("model.onnx");
    }

    @Test
    void readsTheOptimumFlavoursInputsFromTheFile() throws IOException {
        OnnxSignature unet = OnnxSignature.read(model("tiny-sd-onnx", "unet"));
        assertThat(unet.inputs()).extracting(TensorSpec::toString).containsExactly(
                "sample FLOAT[batch_size, 4, height, width]", "timestep FLOAT[]",
                "encoder_hidden_states FLOAT[batch_size, sequence_length, 32]");
        assertThat(unet.outputs()).extracting(TensorSpec::toString).containsExactly(
                "out_sample FLOAT[batch_size, 4, height, width]");
        assertThat(OnnxSignature.read(model("tiny-sd-onnx", "text_encoder")).inputs().getFirst())
                .hasToString("input_ids INT64[batch_size, sequence_length]");
    }

    @Test
    void readsTheLegacyFlavoursInt32IdsAndRankOneInt64Timestep() throws IOException {
        OnnxSignature unet = OnnxSignature.read(model("tiny-sd-onnx-legacy", "unet"));
        assertThat(unet.input("timestep").orElseThrow()).hasToString("timestep INT64[steps]");
        assertThat(OnnxSignature.read(model("tiny-sd-onnx-legacy", "text_encoder")).inputs().getFirst())
                .hasToString("input_ids INT32[batch_size, sequence_length]");
    }

    @Test
    void agreesWithOnnxRuntimesSessionForEveryComponent() throws IOException, OrtException {
        // DJL's engine makes the process's one OrtEnvironment (with its thread pool); it must come first
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (String fixture : List.of("tiny-sd-onnx", "tiny-sd-onnx-legacy")) {
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

    @Test
    void aFileThatIsNotOnnxIsReportedWithItsName(@TempDir Path dir) throws IOException {
        Path bogus = Files.writeString(dir.resolve("model.onnx"), "not a protobuf at all, just text");
        assertThatThrownBy(() -> OnnxSignature.read(bogus)).isInstanceOf(IOException.class)
                .hasMessageContaining(bogus.toString());
    }

    private static List<String> describe(List<TensorSpec> specs) {
        List<String> out = new ArrayList<>();
        for (TensorSpec s : specs) {
            out.add(s.name() + " " + s.type() + " " + s.dims().stream().map(d -> d.size()).toList());
        }
        return out;
    }

    private static List<String> describe(Map<String, NodeInfo> infos) {
        List<String> out = new ArrayList<>();
        for (NodeInfo info : infos.values()) {
            TensorInfo t = (TensorInfo) info.getInfo();
            List<Long> dims = new ArrayList<>();
            for (long d : t.getShape()) {
                dims.add(d);
            }
            out.add(info.getName() + " " + ortType(t.onnxType) + " " + dims);
        }
        return out;
    }

    private static ElementType ortType(TensorInfo.OnnxTensorType type) {
        return switch (type) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> ElementType.FLOAT;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16 -> ElementType.FLOAT16;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> ElementType.INT32;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> ElementType.INT64;
            default -> ElementType.OTHER;
        };
    }
}
