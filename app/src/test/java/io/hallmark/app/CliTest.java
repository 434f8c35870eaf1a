package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionPrintsThePlatformAndJavaVersions() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Hallmark ").contains("Java ");
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve").contains("config").contains("db");
    }

    @Test
    void anUnknownOptionExitsWith2AndSaysWhich() {
        assertThat(run("serve", "--prot", "80")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown options: '--prot'").contains("--port=N");
    }

    @Test
    void aBadOptionValueExitsWith2() {
        assertThat(run("serve", "--port", "eighty")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--port'");
    }

    @Test
    void anOutOfRangeSettingExitsWith2WithTheValidRange() {
        assertThat(run("config", "--data-dir", dataDir.toString(), "--db-url", "jdbc:postgresql://h/db",
                "--db-password", "topsecret")).isZero();
        assertThat(out.toString()).contains("db-password").doesNotContain("topsecret");

        assertThat(run("serve", "--data-dir", dataDir.toString(), "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("hallmark: error: Invalid value '70000' for setting 'port'")
                .contains("from 0 to 65535");
    }

    @Test
    void configJsonIsOneJsonDocumentWithSecretsMasked() throws Exception {
        assertThat(run("config", "--json", "--data-dir", dataDir.toString(), "--db-password", "pw-123")).isZero();

        JsonNode json = JsonOutput.mapper().readTree(out.toString());
        assertThat(json.path("data-dir").path("value").asText()).isEqualTo(dataDir.toAbsolutePath().toString());
        assertThat(json.path("db-password").path("value").asText()).isEqualTo("********");
        assertThat(json.path("port").path("source").asText()).isEqualTo("default");
    }

    @Test
    void anUnreachableDatabaseFailsWithOneLineNamingTheMaskedUrl() {
        int code = run("serve", "--data-dir", dataDir.toString(), "--port", "0",
                "--db-url", "jdbc:postgresql://127.0.0.1:1/hallmark?password=hunter2");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("hallmark: error: Cannot connect to the database at "
                        + "jdbc:postgresql://127.0.0.1:1/hallmark?password=********")
                .doesNotContain("hunter2")
                .hasLineCount(1);
    }

    @Test
    void anUnusableDataDirectoryFailsWithOneLine() throws Exception {
        Path file = java.nio.file.Files.writeString(dataDir.resolve("a-file"), "x");

        int code = run("serve", "--data-dir", file.resolve("data").toString(), "--port", "0");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("hallmark: error: Data directory " + file.resolve("data"))
                .hasLineCount(1);
    }

    @Test
    void aMissingSubcommandIsAUsageError() {
        assertThat(run("db")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing subcommand");
    }

    @Test
    void pipelineValidateListsEveryProblemWithItsLineAndShowPrintsTheOneInForce() throws Exception {
        Path bad = dataDir.resolve("bad.yaml");
        java.nio.file.Files.writeString(bad, """
                modality: TEXT
                steps:
                  - step: generate
                  - step: check
                  - step: judge
                  - step: revise
                    maxRounds: -1
                  - step: publish
                """);
        assertThat(run("pipeline", "validate", bad.toString())).isNotZero();
        assertThat(err.toString()).contains("Pipeline definition " + bad + " is not valid")
                .contains("steps[3].maxRounds: line 7: must be between 0 and 10, found -1");

        java.nio.file.Files.createDirectories(dataDir.resolve("pipelines"));
        java.nio.file.Files.writeString(dataDir.resolve("pipelines/code.yaml"), """
                name: quick code
                modality: CODE
                steps: [{step: generate}, {step: check}, {step: judge}, {step: publish}]
                """);
        assertThat(run("pipeline", "show", "code", "--data-dir", dataDir.toString())).isZero();
        assertThat(out.toString()).contains("Pipeline 'quick code' for CODE").contains("4. publish");
        assertThat(run("pipeline", "show", "text", "--json", "--data-dir", dataDir.toString())).isZero();
        assertThat(out.toString()).contains("\"source\" : \"classpath:/pipelines/text.yaml\"");
        assertThat(run("pipeline", "validate", dataDir.resolve("pipelines/code.yaml").toString())).isZero();
        assertThat(out.toString()).contains("Valid. Pipeline 'quick code'");
    }
}
