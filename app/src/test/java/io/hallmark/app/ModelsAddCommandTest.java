package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.textgen.Architecture;
import io.hallmark.textgen.GgufWriter;
import io.hallmark.textgen.LlamaConfig;
import io.hallmark.textgen.SentencePieceTokenizer;
import io.hallmark.textgen.TensorType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hallmark models add FILE} checks, hashes and names a downloaded GGUF file, refuses one Hallmark cannot run
 * (naming why), and {@code models list} shows architecture, quantization, context length, chat template and
 * whether it loads.
 */
class ModelsAddCommandTest {

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path gguf(String name, Architecture arch, Map<String, Object> extra) {
        String[] pieces = new String[64];
        float[] scores = new float[64];
        pieces[0] = "<unk>";
        pieces[1] = "<s>";
        pieces[2] = "</s>";
        for (int i = 3; i < 64; i++) {
            pieces[i] = String.valueOf((char) ('!' + i));
            scores[i] = -i;
        }
        LlamaConfig shape = new LlamaConfig(256, 256, 1, 4, 4, 64, 512, 1e-5f, 10000f, true).withArchitecture(arch);
        SplittableRandom random = new SplittableRandom(1);
        Path file = dir.resolve(name);
        GgufWriter.write(file, shape, new SentencePieceTokenizer(pieces, scores, 1, 2), n -> {
            float[] v = new float[(int) java.util.Arrays.stream(GgufWriter.shapes(shape).get(n)).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            return v;
        }, TensorType.Q4_K, name, null, extra);
        return file;
    }

    @Test
    void addChecksHashesAndNamesAndListShowsWhatTheFileIs() throws Exception {
        String models = dir.resolve("models").toString();
        Path qwen = gguf("tiny-qwen.gguf", Architecture.QWEN2,
                Map.of("tokenizer.chat_template", "{% for m in messages %}{{ m.content }}{% endfor %}"));
        assertThat(run("models", "add", qwen.toString(), "--models-dir", models)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Added model 'tiny-qwen'").contains("qwen2, Q4_K").contains("chat template yes");
        Path copied = Path.of(models, "tiny-qwen", "tiny-qwen.gguf");
        assertThat(Files.readAllBytes(copied)).isEqualTo(Files.readAllBytes(qwen));
        assertThat(Files.readString(Path.of(models, "tiny-qwen", "SHA256SUMS"))).contains("tiny-qwen.gguf");

        assertThat(run("models", "add", qwen.toString(), "--models-dir", models)).isNotZero();
        assertThat(err.toString()).contains("A model named 'tiny-qwen' exists");

        Path mamba = gguf("tiny-mamba.gguf", Architecture.LLAMA, Map.of("general.architecture", "mamba"));
        assertThat(run("models", "add", mamba.toString(), "--models-dir", models)).isNotZero();
        assertThat(err.toString()).contains("the architecture 'mamba' is not supported");
        assertThat(Path.of(models, "tiny-mamba")).doesNotExist();

        Path plain = gguf("tiny-llama.gguf", Architecture.LLAMA, Map.of());
        assertThat(run("models", "add", plain.toString(), "--models-dir", models)).as(err.toString()).isZero();

        // Gemma 3 as llama.cpp's current converter writes it (window, the local layers' rope.freq_base_swa, here with a
        // final soft-cap), and a Gemma 3 without sliding layers (no window key): both run, as llama.cpp runs them
        Path gemma = gguf("tiny-gemma3.gguf", Architecture.GEMMA3.toBuilder().slidingWindow(128).finalSoftcap(30f).build(),
                Map.of());
        assertThat(run("models", "add", gemma.toString(), "--models-dir", models)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("gemma3, Q4_K");
        Path global = gguf("tiny-gemma3-global.gguf", Architecture.GEMMA3, Map.of());
        assertThat(run("models", "add", global.toString(), "--models-dir", models)).as(err.toString()).isZero();

        assertThat(run("models", "list", "--models-dir", models)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("tiny-qwen").contains("qwen2, Q4_K, 476,672 parameters")
                .contains("context 512, chat template yes, loads yes");
        String llama = out.toString().substring(out.toString().indexOf("tiny-llama"));
        assertThat(llama).as("a model without a template").contains("llama, Q4_K").contains("chat template no, loads yes");
        for (String file : java.util.List.of("tiny-gemma3.gguf", "tiny-gemma3-global.gguf")) {
            assertThat(out.toString()).contains(file);
            String details = out.toString().substring(out.toString().indexOf(file)).lines().skip(1).findFirst().orElse("");
            assertThat(details).as(file).contains("gemma3, Q4_K").contains("loads yes");
        }

        if (ai.djl.util.cuda.CudaUtils.getGpuCount() == 0) { // device=auto on a machine without a GPU
            assertThat(out.toString()).contains("Device: cpu\n").doesNotContain("GPU memory");
            assertThat(run("models", "list", "--json", "--models-dir", models)).isZero();
            assertThat(out.toString()).contains("\"device\" : \"cpu\"").doesNotContain("gpuMemory")
                    // 475,136 matrix weights (Q4_K) as float16 + 1,536 norm and bias weights as float32
                    .contains("\"float16WeightBytes\" : " + (475_136 * 2 + 1_536 * 4));
        }
        assertThat(run("models", "verify", "--models-dir", models)).isZero();
        assertThat(out.toString()).contains("checksum matches");

        // a file copied into the model directory by hand that Hallmark cannot run: listed, with the reason
        Path moe = gguf("tiny-moe.gguf", Architecture.LLAMA, Map.of("llama.expert_count", 8));
        Files.copy(moe, Files.createDirectories(Path.of(models, "tiny-moe")).resolve("tiny-moe.gguf"));
        assertThat(run("models", "list", "--models-dir", models)).as(err.toString()).isZero();
        String listed = out.toString();
        String moeLines = listed.substring(listed.indexOf("tiny-moe"));
        assertThat(moeLines.substring(0, moeLines.indexOf("tiny-qwen") > 0 ? moeLines.indexOf("tiny-qwen") : moeLines.length()))
                .contains("loads no").contains("does not load:")
                .contains("(llama) sets 'llama.expert_count' = 8, which Hallmark does not implement");
        assertThat(listed).as("the loadable ones still listed").contains("chat template yes, loads yes");
    }

    @Test
    void listSaysWhyAGpuAskedForIsUnavailableAndStillListsTheFiles() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ai.djl.util.cuda.CudaUtils.getGpuCount() == 0,
                "a CUDA GPU is visible here");
        if (System.getProperty("DJL_CACHE_DIR") == null) { // the shared unpacked libtorch, not ~/.djl.ai
            System.setProperty("DJL_CACHE_DIR", io.hallmark.core.testing.TestPaths.cacheDir().resolve("djl").toString());
        }
        String models = dir.resolve("models").toString();
        assertThat(run("models", "add", gguf("tiny-llama.gguf", Architecture.LLAMA, Map.of()).toString(),
                "--models-dir", models)).as(err.toString()).isZero();
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve(io.hallmark.core.config.ConfigLoader.CONFIG_FILE), "device=gpu\n");
        assertThat(run("models", "list", "--data-dir", data.toString(), "--models-dir", models)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Device: unavailable: Device 'gpu' was asked for but PyTorch")
                .contains("sees 0 GPU(s)").contains("tiny-llama").contains("loads yes").doesNotContain("GPU memory for");
    }
}
