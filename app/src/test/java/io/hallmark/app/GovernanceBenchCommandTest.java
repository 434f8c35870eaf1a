package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.testing.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hallmark bench governance} runs the stage the platform assembles, fact check included, against a knowledge
 * base it fills from the factbook corpus, and times each check alone beside it. The eval folder here holds only the
 * factbook corpus, so the safety and bias models cannot train: their failures are recorded, not hidden.
 */
class GovernanceBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void timesTheWholeStageAndEachCheckAloneOnARealKnowledgeBase() throws Exception {
        Path eval = Files.createDirectories(dir.resolve("eval"));
        Files.createSymbolicLink(eval.resolve("factbook"), TestPaths.sharedDir().resolve("eval/factbook"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("bench", "governance", "--data-dir", dir.resolve("data").toString(), "--eval-dir",
                eval.toString(), "--kb-docs", "3", "--words", "60", "--runs", "2", "--warmup", "0", "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode result = JsonOutput.mapper().readTree(out.toString());
        assertThat(result.path("knowledgeBaseChunks").asInt()).isPositive();
        assertThat(result.path("claimsPerText").asDouble()).isPositive();
        assertThat(result.path("p50Millis").asDouble()).isPositive();
        assertThat(result.path("eachCheckAlone").path("factcheck").path("p50Millis").asDouble()).isPositive();
        assertThat(result.path("eachCheckAlone").has("pii")).isTrue();
        assertThat(err.toString()).contains("safety failed: safety is unavailable: training failed: Missing eval file");
    }
}
