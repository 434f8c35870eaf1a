package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hallmark bench blobs} end to end: its own embedded PostgreSQL, both stores measured, JSON out. */
class BlobBenchCommandTest {

    @Test
    void measuresThePostgresAndTheLocalStore() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("bench", "blobs", "--blobs", "2", "--blob-mib", "1", "--json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.path("blobs").asInt()).isEqualTo(2);
        assertThat(result.path("postgres").path("writeMBps").asDouble()).isPositive();
        assertThat(result.path("postgres").path("readMBps").asDouble()).isPositive();
        assertThat(result.path("local").path("writeMBps").asDouble()).isPositive();
        assertThat(result.path("postgresOverLocalRead").asDouble()).isPositive();
        assertThat(err.toString()).contains("bench: postgres: write").contains("bench: local: write");
    }

    @Test
    void refusesNoBlobs() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("bench", "blobs", "--blobs", "0")).isNotZero();
        assertThat(err.toString()).contains("--blobs and --blob-mib must be at least 1");
    }
}
