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
 * factbook corpus, so the safety and bias models cannot train there: with the small models put in the data directory
 * the bench runs every check; without a safety model it cannot fill its knowledge base, since every ingested document
 * is screened for injection (fail closed), and it says so.
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
        GovernedDataDir.prepareModels(dir.resolve("data"), Files.createDirectories(dir.resolve("work")));
        int code = cli.execute("bench", "governance", "--data-dir", dir.resolve("data").toString(), "--eval-dir",
                eval.toString(), "--kb-docs", "3", "--words", "60", "--runs", "2", "--warmup", "0", "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode result = JsonOutput.mapper().readTree(out.toString());
        assertThat(result.path("knowledgeBaseChunks").asInt()).isPositive();
        assertThat(result.path("claimsPerText").asDouble()).isPositive();
        assertThat(result.path("p50Millis").asDouble()).isPositive();
        assertThat(result.path("eachCheckAlone").path("factcheck").path("p50Millis").asDouble()).isPositive();
        assertThat(result.path("eachCheckAlone").has("pii")).isTrue();
        assertThat(result.path("eachCheckAlone").path("safety").path("p50Millis").asDouble()).isPositive();
    }

    @Test
    void withoutASafetyModelItDoesNotFillItsKnowledgeBaseUnscreened() throws Exception {
        Path eval = Files.createDirectories(dir.resolve("eval"));
        Files.createSymbolicLink(eval.resolve("factbook"), TestPaths.sharedDir().resolve("eval/factbook"));
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("bench", "governance", "--data-dir", dir.resolve("data").toString(), "--eval-dir",
                eval.toString(), "--kb-docs", "3", "--words", "60", "--runs", "1", "--warmup", "0", "--json");
        assertThat(code).as(err.toString()).isNotZero();
        assertThat(err.toString()).contains("cannot be screened for prompt injection")
                .contains("training failed: Missing eval file").contains("Nothing was written");
    }
}
