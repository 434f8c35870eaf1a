package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code hallmark bench kb-follow} end to end on a few documents: its own embedded PostgreSQL, both ingests, catch-up
 * rounds whose documents node B found, and a fresh node's rebuild of every document; JSON out.
 */
class KbFollowBenchCommandTest {

    @Test
    void measuresIngestCatchUpAndRebuild() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("bench", "kb-follow", "--documents", "6", "--batch", "3", "--rounds", "3", "--json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.path("ingestShared").path("chunks").asInt()).isEqualTo(6);
        assertThat(result.path("ingestLocalOnly").path("chunks").asInt()).isEqualTo(6);
        assertThat(result.path("ingestShared").path("chunksPerSecond").asDouble()).isPositive();
        assertThat(result.path("catchUp").path("rounds").asInt()).isEqualTo(3);
        assertThat(result.path("catchUp").path("p95Millis").asDouble())
                .isGreaterThanOrEqualTo(result.path("catchUp").path("p50Millis").asDouble());
        assertThat(result.path("rebuildFreshNode").path("documents").asInt()).as("6 documents and 3 probes")
                .isEqualTo(9);
        assertThat(err.toString()).contains("bench: catch-up");
    }
}
