package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.governance.artifact.ArtifactTrainer;
import io.hallmark.governance.artifact.GovernanceArtifact;
import io.hallmark.governance.artifact.TunedSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import io.hallmark.core.Platform;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.ConfigLoader;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hallmark models governance}: a version exported from one installation is imported (hash checked) and
 * activated in another, listed as active, shown with its manifest, exported again byte for byte, and the
 * activation is in the audit log; a tampered export is refused.
 */
class GovernanceModelsCommandTest {

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void importActivateListShowExportAndAudit() throws Exception {
        String data = dir.resolve("data").toString();
        byte[] bytes = ArtifactTrainer.committedVote(TunedSettings.committed());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("kind", "factcheck-combiner");
        manifest.put("codeVersion", ArtifactTrainer.CODE_VERSION);
        manifest.put("settingsHash", TunedSettings.committed().hash("factcheck"));
        GovernanceArtifact artifact = GovernanceArtifact.of("factcheck-combiner", bytes, manifest);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", "hallmark-governance-model-1");
        export.put("kind", artifact.kind());
        export.put("sha256", artifact.sha256());
        export.put("manifest", manifest);
        export.put("bytes", Base64.getEncoder().encodeToString(bytes));
        Path file = dir.resolve("vote.json");
        JsonOutput.mapper().writeValue(file.toFile(), export);

        Map<String, Object> tampered = new LinkedHashMap<>(export);
        tampered.put("bytes", Base64.getEncoder().encodeToString("{\"name\":\"evil\"}".getBytes()));
        Path bad = dir.resolve("tampered.json");
        JsonOutput.mapper().writeValue(bad.toFile(), tampered);
        assertThat(run("models", "governance", "import", bad.toString(), "--data-dir", data)).isNotZero();
        assertThat(err.toString()).contains("corrupt");

        assertThat(run("models", "governance", "import", file.toString(), "--activate", "--data-dir", data))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Imported factcheck-combiner " + artifact.sha256() + " (active)");

        assertThat(run("models", "governance", "list", "--json", "--data-dir", data)).isZero();
        JsonNode list = JsonOutput.mapper().readTree(out.toString());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("sha256").asText()).isEqualTo(artifact.sha256());
        assertThat(list.get(0).path("active").asBoolean()).isTrue();

        assertThat(run("models", "governance", "show", artifact.sha256().substring(0, 8), "--data-dir", data)).isZero();
        JsonNode show = JsonOutput.mapper().readTree(out.toString());
        assertThat(show.path("manifest").path("settingsHash").asText()).isEqualTo(manifest.get("settingsHash"));
        assertThat(show.path("activeVersion").path("activatedBy").asText()).startsWith("cli:");

        Path again = dir.resolve("again.json");
        assertThat(run("models", "governance", "export", "factcheck-combiner", "--out", again.toString(),
                "--data-dir", data)).isZero();
        JsonNode exported = JsonOutput.mapper().readTree(again.toFile());
        assertThat(Base64.getDecoder().decode(exported.path("bytes").asText())).isEqualTo(bytes);
        assertThat(exported.path("sha256").asText()).isEqualTo(artifact.sha256());

        try (Platform platform = Platform.start(new ConfigLoader(Map.of()).load(Map.of(ConfigKey.DATA_DIR, data)),
                "command");
                Connection c = platform.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select actor, subject from audit_events where event_type "
                        + "= 'governance.model.activated'");
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("the activation is audited").isTrue();
            assertThat(rs.getString(1)).startsWith("cli:");
            assertThat(rs.getString(2)).isEqualTo("factcheck-combiner");
            assertThat(platform.governanceModels().combiner().name()).isEqualTo("equal-vote");
            assertThat(platform.governanceModels().loadedModelHashes()).containsEntry("factcheck-combiner",
                    artifact.sha256());
        }
        assertThat(Files.exists(again)).isTrue();
    }
}
