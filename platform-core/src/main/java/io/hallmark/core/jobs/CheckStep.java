package io.hallmark.core.jobs;

import io.hallmark.api.GenerationFailedException;
import io.hallmark.core.blob.BlobStore;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.pipeline.StepDefinition;
import io.hallmark.core.pipeline.StepKind;
import io.hallmark.governance.stage.Assessment;
import io.hallmark.governance.stage.AssessmentInput;
import io.hallmark.governance.stage.GovernanceStage;
import io.hallmark.governance.stage.JudgedBy;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The checker: the governance stage on the generated content (the assembled text when it was planned, so every
 * finding's span is an offset in that text; findings with a span are tagged with the section they fall in).
 * Cross-check agreement from the generator joins the scores as {@code crosscheck.agreement} (the lowest), and the
 * self-checker's result (when the pipeline declares {@code selfcheck}) as {@code selfcheck.instability}, with its
 * per-claim findings under {@code selfcheck}. The checks that could not run ({@code unavailable}), the metrics that
 * did not apply ({@code notApplicable}) and what judged the item ({@code judgedBy}: the generator's model and every
 * model the checks used) go to the judge with the scores.
 */
final class CheckStep implements PipelineStep {

    private final Database db;
    private final BlobStore blobs;
    private final GovernanceStage governance;

    CheckStep(Database db, BlobStore blobs, GovernanceStage governance) {
        this.db = db;
        this.blobs = blobs;
        this.governance = governance;
    }

    @Override
    public @Nullable String run(StepDefinition step, PipelineRun run) {
        Instant started = Instant.now();
        run.context().event("step", Map.of("step", step.id(), "status", "started"));
        ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, run.job().contentItemId()));
        byte[] artifact = null;
        if (item.artifactSha256() != null) {
            // the generate step may have run on another node: the artifact is read from the store every node
            // shares; when it cannot be found (yet), or the store cannot be reached, the job is retried, not failed
            try (var in = blobs.open(item.artifactSha256()).orElseThrow(() -> new GenerationFailedException(
                    "The artifact " + item.artifactSha256() + " of content item " + item.id()
                            + " is not in the blob store; is every node on the shared blob store (blob-store=postgres)?",
                    true, null))) {
                artifact = in.readAllBytes();
            } catch (IOException | io.hallmark.api.HallmarkException e) {
                if (e instanceof GenerationFailedException failed) {
                    throw failed;
                }
                throw new GenerationFailedException("Cannot read the artifact: " + e.getMessage(), true, e);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = run.state().get("metadata") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        // images and videos are governed on their prompt and, when the generator gave one, their caption
        String text = item.textBody() != null ? item.textBody()
                : metadata.get("caption") instanceof String caption && !caption.isBlank() ? caption : null;
        Assessment assessment = governance.assess(new AssessmentInput(run.modality(), item.prompt(), text,
                artifact, item.artifactMediaType() == null ? "text/plain" : item.artifactMediaType(), metadata,
                run.documents()));
        Map<String, Object> scores = new HashMap<>(assessment.scores());
        run.list("crossCheck").stream().mapToDouble(c -> ((Number) c.get("agreement")).doubleValue()).min()
                .ifPresent(min -> scores.put("crosscheck.agreement", min));
        Map<String, Object> found = new LinkedHashMap<>(assessment.findings());
        Set<String> notApplicable = new TreeSet<>(assessment.notApplicable());
        if (run.state().get("selfCheck") instanceof Map<?, ?> selfCheck) {
            if (selfCheck.get("instability") instanceof Number instability) {
                scores.put("selfcheck.instability", instability.doubleValue());
            } else if (selfCheck.containsKey("notApplicable")) {
                notApplicable.add("selfcheck.instability"); // no check-worthy claims (not: no sample could be made)
            }
            found.put("selfcheck", selfCheck);
        } else if (run.pipeline().first(StepKind.SELFCHECK).isEmpty()) {
            notApplicable.add("selfcheck.instability"); // this pipeline does not resample
        }
        JudgedBy.Builder judgedBy = assessment.judgedByBuilder();
        if (item.modelId() != null && item.modelSha256() != null) {
            judgedBy.model("generator:" + item.modelId(), item.modelSha256());
        }
        run.state().put("unavailable", assessment.unavailable());
        run.state().put("notApplicable", List.copyOf(notApplicable));
        run.state().put("judgedBy", judgedBy.build().toMap());
        Object findings = tagSections(found, run.list("sections"));
        run.state().put("scores", scores);
        run.state().put("findings", findings);
        run.context().event("governance", Map.of("scores", scores));
        run.agent("checker", Map.of("chars", item.textBody() == null ? 0 : item.textBody().length(),
                "artifact", item.artifactSha256() == null ? "" : item.artifactSha256()), Map.of("scores", scores),
                started);
        return null;
    }

    /** Copies the findings, adding {@code section} (1-based) to every finding whose span starts in a section. */
    static Object tagSections(Object findings, List<Map<String, Object>> sections) {
        if (sections.isEmpty()) {
            return findings;
        }
        if (findings instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), tagSections(v, sections)));
            if (copy.get("start") instanceof Number start) {
                for (int i = 0; i < sections.size(); i++) {
                    int from = ((Number) sections.get(i).get("start")).intValue();
                    int to = ((Number) sections.get(i).get("end")).intValue();
                    if (start.intValue() >= from && start.intValue() < to) {
                        copy.put("section", i + 1);
                    }
                }
            }
            return copy;
        }
        if (findings instanceof List<?> list) {
            return list.stream().map(v -> tagSections(v, sections)).toList();
        }
        return findings;
    }
}
