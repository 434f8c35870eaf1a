package io.hallmark.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.Modality;
import io.hallmark.core.audit.SequentialAuditLog;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.Decision;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.governance.policy.Action;
import io.hallmark.governance.policy.DefaultPolicy;
import io.hallmark.governance.policy.PolicyValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PolicyServiceTest {

    private final Database db;
    private final PolicyService policies;

    PolicyServiceTest(Database db) {
        this.db = db;
        this.policies = new PolicyService(db, new SequentialAuditLog(db));
    }

    @Test
    void versionsAreStoredAuditedAndOneIsActive() {
        policies.ensureDefault();
        policies.ensureDefault();
        assertThat(policies.list()).singleElement().satisfies(p -> assertThat(p.version()).isEqualTo(1));

        var v2 = policies.apply(DefaultPolicy.text().replace("value: 0.7", "value: 0.6"), "alice");

        assertThat(v2.version()).isEqualTo(2);
        assertThat(policies.active("default").sha256()).isEqualTo(v2.sha256());
        assertThat(policies.list()).filteredOn(PolicyService.StoredPolicy::active).hasSize(1);
        assertThat(policies.inForce(Modality.TEXT, "default")).get()
                .satisfies(p -> assertThat(p.sha256()).isEqualTo(v2.sha256()));
        assertThat(policies.inForce(Modality.TEXT, "other-channel")).isEmpty();
        long activations = db.inTransaction(s -> s.createSelectionQuery(
                "select count(*) from AuditEvent where eventType = 'policy.activated'", Long.class).getSingleResult());
        assertThat(activations).isEqualTo(2);
        assertThatThrownBy(() -> policies.apply("name: x\nrules: [oops]", "alice"))
                .isInstanceOf(PolicyValidationException.class);
        assertThat(policies.list()).hasSize(2);
    }

    @Test
    void aDryRunReplaysStoredDecisions() {
        ContentItem item = new ContentItem(Modality.TEXT, "a prompt");
        GovernanceReport report = new GovernanceReport(item.id(), Map.of("decision",
                Map.of("action", "REVISE", "inputs", Map.of("claims.refuted", 1, "factuality", 0.5))));
        report.decide(Decision.REVISE, null, "x".repeat(64));
        db.useTransaction(s -> {
            s.persist(item);
            s.persist(report);
        });

        var changes = policies.dryRun("""
                name: strict
                rules:
                  - id: no-refuted
                    when: { metric: claims.refuted, op: ">=", value: 1 }
                    action: REJECT
                """, 100);

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(item.id().toString());
            assertThat(c.before()).isEqualTo(Action.REVISE);
            assertThat(c.after()).isEqualTo(Action.REJECT);
        });
    }
}
