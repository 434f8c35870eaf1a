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

/**
 * {@code hallmark check} decides with the policy active in the data directory's database unless {@code --policy FILE}
 * is given. The safety and bias models are not trained here (no eval folder), so those assessors fail visibly and the
 * personal-data screen decides.
 */
class CheckCommandTest {

    @TempDir
    Path dir;

    private StringWriter out;

    private int run(String... args) {
        out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void checkUsesTheActivePolicyOfTheDatabaseUnlessAFileIsGiven() throws Exception {
        Path data = dir.resolve("data");
        Path text = Files.writeString(dir.resolve("text.txt"), "Write to jane@example.com about the delivery.");
        Path strict = Files.writeString(dir.resolve("strict.yaml"), """
                name: strict
                modalities: [TEXT]
                rules:
                  - id: no-personal-data
                    when: { metric: pii.output, op: ">=", value: 1 }
                    action: REJECT
                """);
        String noEval = dir.resolve("no-eval").toString();

        assertThat(run("check", "--data-dir", data.toString(), "--file", text.toString(), "--eval-dir", noEval,
                "--json")).isZero();
        JsonNode withDefault = JsonOutput.mapper().readTree(out.toString());
        assertThat(withDefault.path("policy").asText()).startsWith("default@");
        assertThat(withDefault.path("action").asText()).isEqualTo("REDACT");

        assertThat(run("policy", "apply", strict.toString(), "--data-dir", data.toString())).isZero();
        assertThat(run("check", "--data-dir", data.toString(), "--file", text.toString(), "--eval-dir", noEval,
                "--json")).isZero();
        JsonNode withActive = JsonOutput.mapper().readTree(out.toString());
        assertThat(withActive.path("policy").asText()).startsWith("strict@");
        assertThat(withActive.path("action").asText()).isEqualTo("REJECT");
        assertThat(withActive.path("decidingRule").asText()).isEqualTo("no-personal-data");

        Path lenient = Files.writeString(dir.resolve("lenient.yaml"), "name: lenient\nrules: []\n");
        assertThat(run("check", "--data-dir", data.toString(), "--file", text.toString(), "--eval-dir", noEval,
                "--policy", lenient.toString(), "--json")).isZero();
        assertThat(JsonOutput.mapper().readTree(out.toString()).path("policy").asText()).startsWith("lenient@");
    }
}
