package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/gpu-suite.sh refuses, loudly and before building anything, on a machine without a usable GPU (no
 * nvidia-smi, nvidia-smi listing none, the asked-for GPU absent, CUDA_VISIBLE_DEVICES hiding all), checks its
 * arguments, and on a machine whose nvidia-smi lists the GPU prints its plan with {@code --check}. nvidia-smi is
 * a stand-in script here (this machine has no GPU); what the suite does on a real GPU is not tested here.
 */
class GpuSuiteScriptTest {

    private static final Path SCRIPT = Path.of("..", "scripts", "gpu-suite.sh").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    private record Run(int code, String out, String err) {}

    private Run run(Path smiDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(temp.toFile());
        pb.environment().put("PATH", (smiDir == null ? "" : smiDir + ":") + "/usr/bin:/bin");
        pb.environment().remove("CUDA_VISIBLE_DEVICES");
        pb.environment().putAll(env);
        Path out = temp.resolve("stdout");
        Path err = temp.resolve("stderr");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Path nvidiaSmi(String name, String body) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Path smi = dir.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    @Test
    void withoutAUsableGpuItRefusesWithExitCode3AndSaysWhy() throws Exception {
        if (!Files.exists(Path.of("/usr/bin/nvidia-smi")) && !Files.exists(Path.of("/bin/nvidia-smi"))) {
            Run none = run(null, Map.of());
            assertThat(none.code()).isEqualTo(3);
            assertThat(none.err()).contains("no GPU visible: nvidia-smi is not on the PATH").contains("refusing");
            Run check = run(null, Map.of(), "--check"); // the plan alone is refused too: there is no GPU to plan for
            assertThat(check.code()).isEqualTo(3);
            assertThat(check.err()).contains("no GPU visible");
        }

        Path noDevices = nvidiaSmi("no-devices", "echo 'No devices were found'; exit 6");
        Run empty = run(noDevices, Map.of());
        assertThat(empty.code()).isEqualTo(3);
        assertThat(empty.err()).contains("no GPU visible: nvidia-smi failed: No devices were found");

        Path oneGpu = nvidiaSmi("one-gpu", "echo '0, NVIDIA H100 80GB HBM3, 81559 MiB, 550.54'");
        Run missing = run(oneGpu, Map.of(), "--gpu", "1", "--check");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("GPU 1 is not there; nvidia-smi lists: 0, NVIDIA H100 80GB HBM3");

        Run hidden = run(oneGpu, Map.of("CUDA_VISIBLE_DEVICES", ""), "--check");
        assertThat(hidden.code()).isEqualTo(3);
        assertThat(hidden.err()).contains("CUDA_VISIBLE_DEVICES='' hides every GPU");
    }

    @Test
    void badArgumentsExitWith2AndHelpExitsWith0() throws Exception {
        assertThat(run(null, Map.of(), "--gpu", "x").err()).contains("--gpu must be a GPU index");
        assertThat(run(null, Map.of(), "--gpu", "x").code()).isEqualTo(2);
        Run noValue = run(null, Map.of(), "--out");
        assertThat(noValue.code()).isEqualTo(2);
        assertThat(noValue.err()).contains("--out needs a value");
        Run unknown = run(null, Map.of(), "--bogus");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown argument '--bogus'");
        Run help = run(null, Map.of(), "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: scripts/gpu-suite.sh").contains("3 no usable GPU");
    }

    @Test
    void withAGpuListedCheckPrintsThePlanOnTheGpuAndRunsNothing() throws Exception {
        Path oneGpu = nvidiaSmi("one-gpu", "echo '0, NVIDIA H100 80GB HBM3, 81559 MiB, 550.54'");
        Path results = temp.resolve("results");
        Run check = run(oneGpu, Map.of(), "--check", "--out", results.toString(), "--offline");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("GPU:        0, NVIDIA H100 80GB HBM3")
                .contains("./mvnw -B -o -Pcuda -DskipTests package")
                .contains("-Pcuda -pl textgen-runtime -am verify -Dhallmark.test.device=gpu:0 -Dtest=LlamaCppConformanceTest")
                .contains("bench textgen --device gpu:0 --model " + results.resolve("models/random-llama3-1b-Q4_K.gguf"));
        assertThat(results).as("--check writes nothing").doesNotExist();
    }

    @Test
    void shellcheckFindsNothing() throws Exception {
        Path shellcheck = Path.of("/usr/bin/shellcheck");
        assumeThat(Files.isExecutable(shellcheck)).as("shellcheck (Debian package shellcheck) is not installed").isTrue();
        Process p = new ProcessBuilder(shellcheck.toString(), SCRIPT.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
    }
}
