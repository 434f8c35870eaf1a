package io.hallmark.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.Modality;
import io.hallmark.core.persistence.AuditEvent;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.persistence.Decision;
import io.hallmark.core.persistence.GenerationJob;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.persistence.JobState;
import io.hallmark.core.persistence.PluginRecord;
import io.hallmark.core.persistence.PluginState;
import io.hallmark.core.persistence.Policy;
import io.hallmark.core.persistence.PolicyFormat;
import io.hallmark.core.persistence.Role;
import io.hallmark.core.persistence.UserAccount;
import io.hallmark.core.testing.PostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DatabaseTest {

    private final Database db;

    DatabaseTest(Database db) {
        this.db = db;
    }

    @Test
    void reportsPostgresAndTheMigratedSchemaVersion() {
        DatabaseInfo info = db.info();

        assertThat(info.product()).isEqualTo("PostgreSQL");
        assertThat(info.version()).matches("\\d+\\.\\d+.*");
        assertThat(Integer.parseInt(info.schemaVersion())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void contentItemRoundTripsWithJsonbParameters() throws SQLException {
        ContentItem item = new ContentItem(Modality.TEXT, "Once upon a time");
        item.setPlugin("text-generator", "1.0.0");
        item.setModel("stories260k", "a".repeat(64));
        item.setParameters(Map.of("temperature", 0.7, "maxTokens", 64, "stop", List.of("\n\n")));
        item.setSeed(42L);
        item.setTextBody("Once upon a time, there was a girl.");
        db.useTransaction(s -> s.persist(item));

        ContentItem loaded = db.inTransaction(s -> s.find(ContentItem.class, item.id()));

        assertThat(loaded.modality()).isEqualTo(Modality.TEXT);
        assertThat(loaded.status()).isEqualTo(ContentStatus.PENDING);
        assertThat(loaded.parameters()).containsEntry("maxTokens", 64).containsEntry("stop", List.of("\n\n"));
        assertThat(loaded.seed()).isEqualTo(42L);
        assertThat(loaded.textBody()).startsWith("Once upon a time");
        // stored as real jsonb, queryable by PostgreSQL's JSON operators
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select pg_typeof(parameters)::text, parameters->>'temperature' from content_items where id = ?")) {
            ps.setObject(1, item.id());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("jsonb");
                assertThat(rs.getString(2)).isEqualTo("0.7");
            }
        }
    }

    @Test
    void everyEntityPersistsAndLoads() {
        ContentItem item = new ContentItem(Modality.IMAGE, "a lighthouse");
        item.setArtifact("b".repeat(64), "image/png", 1234);
        GenerationJob job = new GenerationJob(Map.of("modality", "IMAGE", "prompt", "a lighthouse"), 3);
        job.setContentItemId(item.id());
        job.lease("worker-1", Instant.now().plusSeconds(30));
        Policy policy = new Policy("default", 1, PolicyFormat.YAML, "rules: []\n", "admin");
        policy.setActive(true);
        GovernanceReport report = new GovernanceReport(item.id(), Map.of("claims", List.of()));
        report.setFactualityScore(0.9);
        report.decide(Decision.APPROVE, policy.id(), policy.bodySha256());
        PluginRecord plugin = new PluginRecord("example", "1.0.0", "admin");
        plugin.setCapabilities(List.of("TEXT"));
        plugin.setState(PluginState.ENABLED, null);
        UserAccount user = new UserAccount("alice", Role.REVIEWER);
        AuditEvent event = new AuditEvent(1, Instant.now(), "alice", "content.approved", item.id().toString(),
                Map.of("decision", "APPROVE"), "c".repeat(64));

        db.useTransaction(s -> {
            s.persist(item);
            s.persist(job);
            s.persist(policy);
            s.persist(report);
            s.persist(plugin);
            s.persist(user);
            s.persist(event);
        });

        db.useTransaction(s -> {
            assertThat(s.find(GenerationJob.class, job.id()).state()).isEqualTo(JobState.RUNNING);
            assertThat(s.find(GenerationJob.class, job.id()).attempts()).isEqualTo(1);
            assertThat(s.find(GovernanceReport.class, report.id()).decision()).isEqualTo(Decision.APPROVE);
            assertThat(s.find(Policy.class, policy.id()).bodySha256()).hasSize(64);
            assertThat(s.find(PluginRecord.class, plugin.id()).capabilities()).containsExactly("TEXT");
            assertThat(s.find(UserAccount.class, user.id()).role()).isEqualTo(Role.REVIEWER);
            assertThat(s.find(AuditEvent.class, 1L).payload()).containsEntry("decision", "APPROVE");
            assertThat(s.find(ContentItem.class, item.id()).artifactMediaType()).isEqualTo("image/png");
        });
    }

    @Test
    void schemaRejectsWhatTheModelForbids() {
        UserAccount first = new UserAccount("bob", Role.OPERATOR);
        db.useTransaction(s -> s.persist(first));

        assertThatThrownBy(() -> db.useTransaction(s -> s.persist(new UserAccount("bob", Role.ADMIN))))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("users_username_unique");

        Policy v1 = new Policy("strict", 1, PolicyFormat.JSON, "{}", null);
        v1.setActive(true);
        Policy v2 = new Policy("strict", 2, PolicyFormat.JSON, "{\"a\":1}", null);
        v2.setActive(true);
        db.useTransaction(s -> s.persist(v1));
        assertThatThrownBy(() -> db.useTransaction(s -> s.persist(v2)))
                .as("only one active version per policy")
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        UUID id = UUID.randomUUID();
        ContentItem item = new ContentItem(Modality.CODE, "print hello");
        assertThatThrownBy(() -> db.useTransaction(s -> {
            s.persist(item);
            s.flush();
            throw new IllegalStateException("generator crashed " + id);
        })).hasMessageContaining(id.toString());

        ContentItem after = db.inTransaction(s -> s.find(ContentItem.class, item.id()));
        assertThat(after).isNull();
    }

    @Test
    void unreachableDatabaseFailsWithTheMaskedUrl() {
        DatabaseSettings nowhere = new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:1/hallmark?password=hunter2", "hallmark", "hunter2", 1);

        assertThatThrownBy(() -> Database.connect(nowhere))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/hallmark?password=********")
                .hasMessageNotContaining("hunter2");
    }
}
