package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.core.testing.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hallmark bench diffusion} on the tiny fixture: both loops run and reach the same latents. */
class DiffusionBenchCommandTest {

    static {
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", TestPaths.cacheDir().resolve("djl").toString());
        }
    }

    @Test
    void benchmarksThePipelineAgainstOrtSessionOnTheSameUnet() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("bench", "diffusion", "--models-dir", TestPaths.sharedDir().resolve("models").toString(),
                "--model", TestPaths.sharedDir().resolve("models/tiny-sd-onnx-legacy").toString(),
                "--steps", "3", "--rounds", "1", "--scheduler", "euler", "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("unetInputs").toString()).contains("timestep int64[-1]");
        assertThat(result.get("unetCallsPerImage").asInt()).isEqualTo(3);
        // the pipeline's first step also holds the text encoder, so it is left out
        assertThat(result.get("hallmarkStepMicros").get("count").asInt()).isEqualTo(2);
        assertThat(result.get("ortDirectStepMicros").get("count").asInt()).isEqualTo(3);
        // the direct loop is a faithful peer: same noise, guidance and scheduler give the same latents
        assertThat(result.get("finalLatentsMaxAbsDiff").asDouble()).isZero();
        assertThat(result.get("stepOverheadRatioP50").asDouble()).isPositive();
    }

    @Test
    void aFolderWithoutModelIndexIsRefusedWithTheFix() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("bench", "diffusion", "--model", TestPaths.sharedDir().resolve("models/mnist-gan").toString());
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("model_index.json").contains("--model DIR");
    }
}
