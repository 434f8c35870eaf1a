package io.hallmark.core.jobs;

import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.pipeline.StepDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The publisher: appends the {@code generation.completed} audit event (once per item, so a resumed job does not
 * append it twice) and ends the job: DONE, or WAITING_REVIEW when a person must decide.
 */
final class PublishStep implements PipelineStep {

    private final Database db;
    private final AuditLog audit;

    PublishStep(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public @Nullable String run(StepDefinition step, PipelineRun run) {
        Instant started = Instant.now();
        ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, run.job().contentItemId()));
        String subject = run.job().contentItemId().toString();
        boolean recorded = db.inTransaction(s -> s.createSelectionQuery(
                "select count(*) from AuditEvent where eventType = 'generation.completed' and subject = :s", Long.class)
                .setParameter("s", subject).getSingleResult()) > 0;
        if (!recorded) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("job", run.job().id().toString());
            event.put("plugin", run.pluginId());
            event.put("modality", item.modality().name());
            event.put("decision", String.valueOf(run.state().get("action")));
            event.put("status", item.status().name());
            event.put("pipeline", run.pipeline().name());
            if (Boolean.TRUE.equals(run.state().get("blockedBeforeGeneration"))) {
                event.put("blockedBeforeGeneration", true);
            }
            if (item.modelSha256() != null) {
                event.put("modelSha256", item.modelSha256());
            }
            if (item.judgedBy() != null) {
                event.put("judgedBy", item.judgedBy());
            }
            if (run.state().get("unavailable") instanceof Map<?, ?> unavailable && !unavailable.isEmpty()) {
                event.put("notChecked", unavailable);
            }
            audit.append(String.valueOf(run.job().request().getOrDefault("actor", "system")), "generation.completed",
                    subject, event);
        }
        String state = item.status() == ContentStatus.NEEDS_REVIEW ? "WAITING_REVIEW" : "DONE";
        run.agent("publisher", Map.of("status", item.status().name()), Map.of("state", state, "audited", !recorded),
                started);
        run.finish(state);
        return null;
    }
}
