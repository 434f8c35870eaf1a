package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.core.audit.PlatformKey;
import io.hallmark.core.provenance.ProvenanceManifest;
import io.hallmark.core.provenance.ProvenanceMarker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCliTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

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
    void helpListsTheAuditAndVerifyCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("audit").contains("verify");
        assertThat(run("audit", "--help")).isZero();
        assertThat(out.toString()).contains("verify-export").contains("export").contains("checkpoint");
    }

    @Test
    void anExportVerifiesOfflineAndATamperedCopyIsRejectedNamingTheLine() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Path bundle = work.resolve("first");
        assertThat(run("audit", "export", "--data-dir", dataDir.toString(), "--from", today, "--to", today,
                "--out", bundle.toString())).as(err.toString()).isZero();
        Path second = work.resolve("second");
        assertThat(run("audit", "export", "--data-dir", dataDir.toString(), "--from", today, "--to", today,
                "--out", second.toString(), "--json")).as(err.toString()).isZero();
        JsonNode result = JsonOutput.mapper().readTree(out.toString());
        long exported = result.path("events").asLong();
        // what the platform recorded today: at least the first export (and whatever start-up records, e.g. policies)
        assertThat(exported).isGreaterThanOrEqualTo(1);

        Path vkey = dataDir.resolve("keys").resolve(PlatformKey.PUBLIC_FILE);
        assertThat(run("audit", "verify-export", second.toString(), "--public-key", vkey.toString())).isZero();
        assertThat(out.toString()).startsWith("OK: " + exported + " events, " + exported + " inclusion proofs verified");

        Path events = second.resolve("events.jsonl");
        List<String> lines = Files.readAllLines(events);
        int line = 0;
        while (!lines.get(line).contains("\"eventType\":\"audit.exported\"")) {
            line++;
        }
        long seq = JsonOutput.mapper().readTree(lines.get(line)).path("seq").asLong();
        lines.set(line, lines.get(line).replace("\"actor\":\"cli:", "\"actor\":\"mallory:"));
        Files.write(events, lines);
        assertThat(run("audit", "verify-export", second.toString(), "--public-key", vkey.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("REJECTED")
                .contains("events.jsonl line " + (line + 1) + " (seq " + seq + ")");

        assertThat(run("audit", "verify", "--data-dir", dataDir.toString(), "--json")).as(err.toString()).isZero();
        JsonNode report = JsonOutput.mapper().readTree(out.toString());
        assertThat(report.path("ok").asBoolean()).isTrue();
        assertThat(report.path("events").asLong()).isEqualTo(exported + 1); // plus the second export
        assertThat(report.path("checkpointsChecked").asLong()).isEqualTo(2);
    }

    @Test
    void aKeptCheckpointIsProvedAgainstTheLogAndLaterBundlesAndAnOlderBundleIsCaughtAsARollback() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Path first = work.resolve("first");
        assertThat(run("audit", "export", "--data-dir", dataDir.toString(), "--from", today, "--to", today,
                "--out", first.toString())).as(err.toString()).isZero();
        Path kept = work.resolve("kept-checkpoint.txt");
        Files.copy(first.resolve("checkpoint.txt"), kept);
        assertThat(run("audit", "checkpoint", "--data-dir", dataDir.toString())).as(err.toString()).isZero();
        Path second = work.resolve("second");
        assertThat(run("audit", "export", "--data-dir", dataDir.toString(), "--from", today, "--to", today,
                "--out", second.toString(), "--consistency-from", kept.toString())).as(err.toString()).isZero();

        assertThat(run("audit", "verify", "--data-dir", dataDir.toString(), "--trusted-checkpoint", kept.toString()))
                .as(out.toString()).isZero();
        assertThat(out.toString()).startsWith("OK: ").contains("held checkpoints: 1");
        assertThat(run("audit", "verify-export", second.toString(), "--trusted-checkpoint", kept.toString()))
                .as(out.toString()).isZero();
        // the first bundle is older than what the auditor now holds: a rollback, or an old bundle
        assertThat(run("audit", "verify-export", first.toString(), "--trusted-checkpoint",
                second.resolve("checkpoint.txt").toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("REJECTED").contains("rolled back");
        // no witness is configured here, so a policy asking for one fails
        String witness = io.hallmark.core.audit.CosignerKey.of("w.example/w1", new byte[32]).encoded();
        assertThat(run("audit", "verify-export", second.toString(), "--witness", witness)).isEqualTo(1);
        assertThat(out.toString()).contains("checkpoint.txt: cosigned by 0 of the 1 required witnesses");
        // the same policy on the live log: the trail verifies, but its newest checkpoint has no cosignature
        assertThat(run("audit", "verify", "--data-dir", dataDir.toString(), "--witness", witness)).isEqualTo(1);
        assertThat(out.toString()).startsWith("OK: ")
                .contains("witness policy (1 of 1): NOT MET: the newest checkpoint #").contains("cosigned by 0 of the 1");
        assertThat(run("audit", "verify", "--data-dir", dataDir.toString(), "--witness", witness,
                "--witness-quorum", "0")).isZero();
    }

    @Test
    void verifyFileSaysWhetherItWasProducedHereAndUnchanged() throws Exception {
        PlatformKey key = PlatformKey.loadOrCreate(dataDir.resolve("keys"));
        Path file = work.resolve("story.txt");
        Files.writeString(file, "A lighthouse keeper's tale.");
        new ProvenanceMarker(key).mark(file, new ProvenanceManifest("0".repeat(64), "text/plain", "text-generator",
                "1.0.0", null, "stories260k", "b".repeat(64), Map.of("temperature", 0.7), 7L, "APPROVE", "default@1",
                Instant.now(), null), "text/plain", true);

        assertThat(run("verify", file.toString(), "--data-dir", dataDir.toString())).isZero();
        assertThat(out.toString()).startsWith("VERIFIED").contains("text-generator 1.0.0").contains("APPROVE")
                .contains("trainedAlgorithmicMedia");

        Files.writeString(file, Files.readString(file).replace("keeper", "robber"));
        assertThat(run("verify", file.toString(), "--data-dir", dataDir.toString(), "--json")).isEqualTo(1);
        assertThat(JsonOutput.mapper().readTree(out.toString()).path("status").asText()).isEqualTo("MODIFIED");

        assertThat(run("verify", work.resolve("missing.txt").toString(), "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist");
    }
}
