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
 * {@code hallmark check} runs the whole governance stage and decides with the policy active in the data directory's
 * database unless {@code --policy FILE} is given, on a platform it starts or through the server holding the data
 * directory ({@code POST /api/v1/checks}). The safety and bias models are not trained here (no eval folder) and the
 * fact check's knowledge base does not exist, so those checks are UNAVAILABLE: the decision fails closed (at least
 * NEEDS_REVIEW, whatever the policy says), names each check not run and why, and a stricter policy still decides.
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
        assertThat(withDefault.path("policyAction").asText()).as("personal data alone would be redacted")
                .isEqualTo("REDACT");
        assertThat(withDefault.path("action").asText()).as("but safety, bias and the fact check did not run")
                .isEqualTo("NEEDS_REVIEW");
        assertThat(withDefault.path("decidingRule").asText()).isEqualTo("fail-closed");
        assertThat(withDefault.path("unavailable").path("safety").asText()).contains("not trained");
        assertThat(withDefault.path("unavailable").path("bias").asText()).contains("not trained");
        assertThat(withDefault.path("unavailable").path("factcheck").asText())
                .contains("knowledge base 'default'").contains("does not exist");
        assertThat(withDefault.path("unknownMetrics").toString()).contains("safety.toxicity", "bias.max",
                "claims.refuted");
        assertThat(withDefault.path("scores").path("checks.unavailable").asDouble()).isEqualTo(3.0);
        assertThat(withDefault.path("judgedBy").path("policySha256").asText()).hasSize(64);

        assertThat(run("check", "--data-dir", data.toString(), "--file", text.toString(), "--eval-dir", noEval))
                .isZero();
        assertThat(out.toString()).startsWith("NEEDS_REVIEW by rule fail-closed")
                .contains("fail closed: the policy alone said REDACT")
                .contains("not checked: safety: ").contains("not checked: factcheck: knowledge base 'default'");

        assertThat(run("policy", "apply", strict.toString(), "--data-dir", data.toString())).isZero();
        assertThat(run("check", "--data-dir", data.toString(), "--file", text.toString(), "--eval-dir", noEval,
                "--json")).isZero();
        JsonNode withActive = JsonOutput.mapper().readTree(out.toString());
        assertThat(withActive.path("policy").asText()).startsWith("strict@");
        assertThat(withActive.path("action").asText()).as("a policy stricter than the floor decides")
                .isEqualTo("REJECT");
        assertThat(withActive.path("decidingRule").asText()).isEqualTo("no-personal-data");

        Path lenient = Files.writeString(dir.resolve("lenient.yaml"), "name: lenient\nrules: []\n");
        assertThat(run("check", "--data-dir", data.toString(), "--file", text.toString(), "--eval-dir", noEval,
                "--policy", lenient.toString(), "--json")).isZero();
        JsonNode lenientResult = JsonOutput.mapper().readTree(out.toString());
        assertThat(lenientResult.path("policy").asText()).startsWith("lenient@");
        assertThat(lenientResult.path("policyAction").asText()).isEqualTo("APPROVE");
        assertThat(lenientResult.path("action").asText()).as("a looser policy cannot approve unchecked content")
                .isEqualTo("NEEDS_REVIEW");
        assertThat(withActive.path("findings").path("factcheck").path("unavailable").asText())
                .contains("knowledge base 'default'").contains("does not exist yet");
        assertThat(withActive.path("findings").path("safety").path("unavailable").asText()).contains("not trained");
    }

    @Test
    void replayReRunsGovernanceOnAStoredItemWithItsRecordedPolicyVersion() throws Exception {
        Path data = dir.resolve("replay");
        Files.createDirectories(data);
        java.util.UUID id;
        try (io.hallmark.core.Platform platform = io.hallmark.core.Platform.start(new io.hallmark.core.config
                .ConfigLoader(java.util.Map.of()).load(java.util.Map.of(io.hallmark.core.config.ConfigKey.DATA_DIR,
                        data.toString(), io.hallmark.core.config.ConfigKey.EVAL_DIR, dir.resolve("no-eval").toString())),
                "command")) {
            var policy = platform.policies().list().stream().filter(p -> p.active() && p.name().equals("default"))
                    .findFirst().orElseThrow();
            id = platform.database().inTransaction(s -> {
                var item = new io.hallmark.core.persistence.ContentItem(io.hallmark.api.Modality.TEXT, "a prompt");
                item.setTextBody("Write to jane@example.com about the delivery.");
                item.setStatus(io.hallmark.core.persistence.ContentStatus.NEEDS_REVIEW);
                item.setJudgedBy(java.util.Map.of("models", java.util.Map.of("safety", "5".repeat(64))));
                s.persist(item);
                var report = new io.hallmark.core.persistence.GovernanceReport(item.id(), java.util.Map.of("scores",
                        java.util.Map.of("pii.output", 1.0, "pii.prompt", 0.0)));
                report.decide(io.hallmark.core.persistence.Decision.NEEDS_REVIEW, policy.id(), policy.sha256());
                s.persist(report);
                return item.id();
            });
        }

        assertThat(run("check", "--data-dir", data.toString(), "--replay", id.toString(), "--eval-dir",
                dir.resolve("no-eval").toString(), "--json")).isZero();
        JsonNode replay = JsonOutput.mapper().readTree(out.toString());
        assertThat(replay.path("recordedAction").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(replay.path("replayedAction").asText()).as("still fails closed: safety is not trained")
                .isEqualTo("NEEDS_REVIEW");
        assertThat(replay.path("same").asBoolean()).isTrue();
        assertThat(replay.path("policy").asText()).startsWith("default@");
        assertThat(replay.path("changedModels").path("safety").get(0).asText()).isEqualTo("5".repeat(64));
        assertThat(replay.path("changedModels").path("safety").get(1).isNull()).as("not loaded now").isTrue();
        assertThat(replay.path("unavailable").path("safety").asText()).contains("not trained");

        assertThat(run("check", "--data-dir", data.toString(), "--replay", id.toString(), "--eval-dir",
                dir.resolve("no-eval").toString())).isZero();
        assertThat(out.toString()).startsWith("SAME: recorded NEEDS_REVIEW, replayed NEEDS_REVIEW")
                .contains("not deterministic: none").contains("model safety");
    }

    @Test
    void aServerHoldingTheDataDirectoryRunsTheCheckAndRefusesBadRequests() throws Exception {
        Path data = dir.resolve("served");
        Path text = Files.writeString(dir.resolve("text.txt"), "Call me on +44 20 7946 0958 or at jane@example.com.");
        Path strict = Files.writeString(dir.resolve("strict.yaml"), """
                name: strict
                rules:
                  - id: no-personal-data
                    when: { metric: pii.output, op: ">=", value: 1 }
                    action: REJECT
                """);
        try (PlatformServer server = PlatformServer.start(ServerTest.config(data, 0))) {
            assertThat(run("check", "--data-dir", data.toString(), "--file", text.toString(), "--policy",
                    strict.toString(), "--json")).isZero();
            JsonNode viaServer = JsonOutput.mapper().readTree(out.toString());
            assertThat(viaServer.path("action").asText()).isEqualTo("REJECT");
            assertThat(viaServer.path("policy").asText()).startsWith("strict@");
            assertThat(viaServer.path("scores").path("pii.output").asDouble()).isGreaterThanOrEqualTo(2);

            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String token = "Bearer " + io.hallmark.core.security.LocalCliToken.read(data).orElseThrow();
            for (String[] bad : new String[][] {{"{}", "text"}, {"{\"text\": 5}", "text"},
                    {"{\"text\": \"x\", \"modality\": \"SMELL\"}", "SMELL"},
                    {"{\"text\": \"x\", \"policy\": \"rules: [ {id: r, action: FLY} ]\"}", "FLY"}}) {
                java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.url() + "/api/v1/checks")).header("Authorization", token)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(bad[0])).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
                assertThat(r.body()).as(bad[0]).contains(bad[1]);
            }
        }
    }
}
