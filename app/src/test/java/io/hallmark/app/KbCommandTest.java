package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KbCommandTest {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void ingestSearchStatsAndDeleteWorkFromTheCommandLine() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("tides.md"), "# Tides\n\nTides are caused mainly by the gravity of the Moon.");
        Files.writeString(docs.resolve("bees.txt"), "Honey bees communicate the direction of flowers with a waggle dance.");
        Files.writeString(docs.resolve("rows.jsonl"), "{\"id\":\"r1\",\"text\":\"Basalt is a volcanic rock.\"}\nbroken\n");
        String data = dir.resolve("data").toString();
        // a small real safety model, so the documents are screened for injection (without one the ingest is refused)
        GovernedDataDir.prepareModels(dir.resolve("data"), Files.createDirectories(dir.resolve("work")));

        assertThat(run("kb", "ingest", docs.toString(), "--data-dir", data, "--json")).isZero();
        JsonNode ingest = JsonOutput.mapper().readTree(out.toString());
        assertThat(ingest.path("added").asInt()).isEqualTo(3);
        assertThat(ingest.has("unscreened")).as("screened").isFalse();
        assertThat(ingest.path("quarantined")).isEmpty();
        assertThat(ingest.path("skipped").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(err.toString()).contains("ingesting [").contains("100%"); // the bar goes to stderr, stdout is JSON

        assertThat(run("kb", "search", "what causes tides", "--data-dir", data, "--k", "1", "--json")).isZero();
        JsonNode search = JsonOutput.mapper().readTree(out.toString());
        assertThat(search.path("hits").get(0).path("sourceId").asText()).isEqualTo("tides.md");

        assertThat(run("kb", "search", "bees", "--mode", "bm25", "--data-dir", data)).isZero();
        assertThat(out.toString()).contains("1. ").contains("bees.txt");

        assertThat(run("kb", "delete", "bees.txt", "--data-dir", data)).isZero();
        assertThat(run("kb", "stats", "--data-dir", data, "--json")).isZero();
        JsonNode stats = JsonOutput.mapper().readTree(out.toString());
        assertThat(stats.path("sources").asInt()).isEqualTo(2);
        assertThat(stats.path("embedder").asText()).isEqualTo("all-minilm-l6-v2");
    }

    /**
     * Fail closed: with no safety model and no eval data to train one from, {@code kb ingest} refuses the documents
     * (they cannot be screened for injection), says why and how to fix it, and writes nothing.
     */
    @Test
    void anIngestThatCannotBeScreenedIsRefusedAndWritesNothing() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("bees.txt"), "Honey bees communicate the direction of flowers with a waggle dance.");
        String data = dir.resolve("data").toString();

        int code = run("kb", "ingest", docs.toString(), "--data-dir", data, "--json");

        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("Not ingested").contains("cannot be screened for prompt injection")
                .contains("hallmark train safety").contains("Nothing was written");
        assertThat(out.toString()).doesNotContain("\"added\"");
        if (run("kb", "stats", "--data-dir", data, "--json") == 0) {
            assertThat(JsonOutput.mapper().readTree(out.toString()).path("sources").asInt()).isZero();
        }
    }

    @Test
    void badRequestsExitWith2AndSayWhatIsWrong() {
        String data = dir.resolve("data").toString();

        assertThat(run("kb", "stats", "--kb", "missing", "--data-dir", data)).isEqualTo(2);
        assertThat(err.toString()).contains("No knowledge base 'missing'").contains("kb ingest");

        assertThat(run("kb", "ingest", dir.resolve("nothing-here").toString(), "--data-dir", data)).isEqualTo(2);
        assertThat(err.toString()).contains("nothing-here");

        assertThat(run("kb", "search", "x", "--kb", "../escape", "--data-dir", data)).isEqualTo(2);
        assertThat(err.toString()).contains("'../escape'");

        assertThat(run("eval", "retrieval", "--split", "test", "--tune", "--data-dir", data)).isEqualTo(2);
        assertThat(err.toString()).contains("--split dev only");
    }
}
