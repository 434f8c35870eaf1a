package io.hallmark.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.api.Permission;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.audit.SequentialAuditLog;
import io.hallmark.core.config.PluginSettings;
import io.hallmark.core.db.Database;
import io.hallmark.core.kb.fixtures.OverlapNliVerifier;
import io.hallmark.core.model.ModelDirectory;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.core.plugin.PluginStore;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.governance.factcheck.ClaimCheck;
import io.hallmark.governance.factcheck.FactCheckReport;
import io.hallmark.governance.factcheck.FactChecker;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Vote;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.testkit.PluginArchiveBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party claim verifier, built as a real signed plugin jar, votes in the fact checker beside the built-in
 * verifiers: its vote is in every claim's votes and in the agreement, and it leaves when the plugin is disabled.
 */
@ExtendWith(PostgresExtension.class)
class PluginVerifierVoteTest {

    private static final String ADMIN = "admin";

    private final Database db;
    private final PluginStore store;
    private final KeyPair key = SigningKeys.generate();

    @TempDir
    Path tmp;

    private PluginHost host;
    private KnowledgeBases knowledgeBases;

    PluginVerifierVoteTest(Database db) {
        this.db = db;
        this.store = new PluginStore(db);
    }

    @BeforeEach
    void start() throws Exception {
        db.useTransaction(s -> s.createMutationQuery("delete from PluginRecord").executeUpdate());
        store.trust(key.getPublic(), "test key", ADMIN);
        host = new PluginHost(new PluginSettings(false, Set.of(Permission.KNOWLEDGE_BASE_READ), Duration.ofSeconds(30),
                Duration.ofSeconds(10), null), Files.createDirectories(tmp.resolve("plugins")), store,
                new SequentialAuditLog(db), new ModelDirectory(Files.createDirectories(tmp.resolve("models"))),
                "0.1.0-SNAPSHOT");
        host.start();
        knowledgeBases = new KnowledgeBases(tmp.resolve("data"));
    }

    @AfterEach
    void stop() {
        knowledgeBases.close();
        host.close();
    }

    @Test
    void aPluginVerifierVotesOnEveryClaimAndCountsInTheAgreement() {
        host.install(PluginArchiveBuilder.plugin("nli", "1.0.0").extension(OverlapNliVerifier.class).signedWith(key)
                .writeTo(tmp.resolve("build")), Set.of(), ADMIN);
        assertThat(host.claimVerifiers()).containsExactly("nli/overlap-nli");
        assertThat(host.runChecks(new io.hallmark.api.CheckInput(io.hallmark.api.Modality.TEXT, "p", "Some text.", null,
                "text/plain", Map.of()), io.hallmark.core.plugin.CallOptions.defaults("test")))
                .as("a claim verifier does not also run as a whole-text check").isEmpty();

        FactCheckService service = new FactCheckService(knowledgeBases, "facts", tmp.resolve("data"), host);
        knowledgeBases.open("facts").ingest(List.of(
                SourceDocument.of("eiffel", "Eiffel Tower", "The Eiffel Tower is a wrought-iron lattice tower in Paris. "
                        + "It was completed in 1889 as the entrance to the World's Fair.", Map.of()),
                SourceDocument.of("everest", "Mount Everest", "Mount Everest is the highest mountain on Earth above sea "
                        + "level.", Map.of())), IngestListener.NONE);

        FactChecker checker = service.checker().orElseThrow();
        assertThat(checker.verifiers()).extracting(v -> v.name()).hasSize(4).contains("plugin:nli/overlap-nli");
        FactCheckReport report = checker.check("The Eiffel Tower was completed in 1889. Mount Everest is not the "
                + "highest mountain on Earth.");

        assertThat(report.claims()).hasSize(2);
        Vote onTower = pluginVote(report.claims().get(0));
        assertThat(onTower.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(onTower.evidenceId()).startsWith("eiffel#");
        Vote onEverest = pluginVote(report.claims().get(1));
        assertThat(onEverest.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(onEverest.evidenceId()).startsWith("everest#");
        assertThat(onEverest.rationale()).contains("contradicted by everest#");
        // the agreement is measured over all four raters: recomputed from the votes it must match the report
        List<List<Verdict>> raters = report.claims().stream().map(c -> c.votes().stream().map(Vote::verdict).toList())
                .toList();
        assertThat(raters).allSatisfy(votes -> assertThat(votes).hasSize(4));
        assertThat(report.kappa()).isEqualTo(io.hallmark.governance.factcheck.Agreement.fleissKappa(raters));

        host.disable("nli", ADMIN);
        assertThat(service.checker().orElseThrow().verifiers()).extracting(v -> v.name())
                .doesNotContain("plugin:nli/overlap-nli").hasSize(3);
    }

    private static Vote pluginVote(ClaimCheck check) {
        return check.votes().stream().filter(v -> v.verifier().equals("plugin:nli/overlap-nli")).findFirst()
                .orElseThrow();
    }
}
