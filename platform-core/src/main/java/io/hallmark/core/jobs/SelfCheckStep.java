package io.hallmark.core.jobs;

import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.Modality;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.pipeline.StepDefinition;
import io.hallmark.core.plugin.CallListener;
import io.hallmark.core.plugin.CallOptions;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.governance.factcheck.Claim;
import io.hallmark.governance.factcheck.SelfConsistency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The self-checker (SelfCheckGPT-style): the request's generator writes the same prompt {@code samples} more times
 * with other seeds (the kept text's seed + 1, + 2, ...) and, when it takes one, the step's {@code temperature}; every
 * claim of the kept text is checked against each sample ({@link SelfConsistency}). A claim the samples do not repeat
 * is likely invented. The run's state gets {@code selfCheck}: per claim its span and instability (the share of samples
 * that do not support it), and the mean as {@code instability}, which the checker turns into the
 * {@code selfcheck.instability} score policies can threshold. A sample that fails is recorded with its error and the
 * score is made from the others; with none the score is left out, and the item goes on.
 */
final class SelfCheckStep implements PipelineStep {

    /** Samples when the step does not say. */
    static final int DEFAULT_SAMPLES = 3;
    /** Claims scored when the step does not say. */
    static final int DEFAULT_MAX_CLAIMS = 20;
    /** The sampling temperature when the step does not say: SelfCheckGPT samples at 1. */
    static final double DEFAULT_TEMPERATURE = 1.0;

    private final Database db;
    private final PluginHost plugins;
    private final Supplier<SelfConsistency> selfConsistencySource;
    private volatile @Nullable SelfConsistency selfConsistency;

    /** @param selfConsistency asked for on the first self-check (its verifiers may load models), then kept */
    SelfCheckStep(Database db, PluginHost plugins, Supplier<SelfConsistency> selfConsistency) {
        this.db = db;
        this.plugins = plugins;
        this.selfConsistencySource = selfConsistency;
    }

    private SelfConsistency selfConsistency() {
        SelfConsistency s = selfConsistency;
        if (s == null) {
            synchronized (this) {
                s = selfConsistency;
                if (s == null) {
                    s = selfConsistencySource.get();
                    selfConsistency = s;
                }
            }
        }
        return s;
    }

    @Override
    public @Nullable String run(StepDefinition step, PipelineRun run) {
        run.state().remove("selfCheck");
        if (run.modality() != Modality.TEXT) {
            return null;
        }
        Instant started = Instant.now();
        run.context().event("step", Map.of("step", step.id(), "status", "started", "round", run.round()));
        ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, run.job().contentItemId()));
        String text = item.textBody();
        if (text == null || text.isBlank()) {
            return null;
        }
        int samples = step.intSetting("samples", DEFAULT_SAMPLES);
        int maxClaims = step.intSetting("maxClaims", DEFAULT_MAX_CLAIMS);
        Map<String, Object> parameters = new LinkedHashMap<>(run.request("parameters"));
        Double temperature = null;
        if (acceptsTemperature(run.pluginId())) {
            temperature = step.settings().get("temperature") instanceof Number n ? n.doubleValue() : DEFAULT_TEMPERATURE;
            parameters.put("temperature", temperature);
        }
        long base = item.seed() != null ? item.seed() : ThreadLocalRandom.current().nextLong();
        List<String> texts = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (int k = 1; k <= samples; k++) {
            if (run.context().cancellation().isCancelled()) {
                throw new GenerationCancelledException("Job " + run.job().id() + " was cancelled during the self-check");
            }
            long seed = base + k;
            Instant sampleStarted = Instant.now();
            Map<String, Object> inputs = Map.of("sample", k, "seed", seed, "parameters", parameters);
            try {
                String sample = sample(run, parameters, seed);
                texts.add(sample);
                seeds.add(seed);
                run.agent(agent(run, k), inputs, Map.of("text", sample), sampleStarted);
            } catch (GenerationCancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                errors.add(Map.of("sample", k, "seed", seed, "error", error));
                run.agentFailed(agent(run, k), inputs, error, sampleStarted);
            }
        }
        Map<String, Object> selfCheck = new LinkedHashMap<>();
        selfCheck.put("samples", samples);
        selfCheck.put("sampled", texts.size());
        selfCheck.put("seeds", seeds);
        if (temperature != null) {
            selfCheck.put("temperature", temperature);
        }
        if (!errors.isEmpty()) {
            selfCheck.put("errors", errors);
        }
        if (texts.isEmpty()) {
            selfCheck.put("skipped", "no sample could be generated; selfcheck.instability is not scored");
        } else {
            SelfConsistency.Result result = selfConsistency().score(text, texts, maxClaims);
            List<Map<String, Object>> claims = new ArrayList<>();
            for (int i = 0; i < result.claims().size(); i++) {
                Claim c = result.claims().get(i);
                double instability = result.perClaim().get(i);
                Map<String, Object> claim = new LinkedHashMap<>();
                claim.put("text", c.text());
                claim.put("start", c.start());
                claim.put("end", c.end());
                claim.put("instability", instability);
                claim.put("supportedBy", (int) Math.round((1 - instability) * texts.size()));
                claims.add(claim);
            }
            if (result.claims().isEmpty()) {
                // like factuality: a text without check-worthy claims has nothing to be unstable about
                selfCheck.put("notApplicable", "no check-worthy claims; selfcheck.instability does not apply");
            } else {
                selfCheck.put("instability", result.instability());
            }
            selfCheck.put("claims", claims);
        }
        run.state().put("selfCheck", selfCheck);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("sampled", texts.size());
        summary.put("samples", samples);
        if (selfCheck.get("instability") != null) {
            summary.put("instability", selfCheck.get("instability"));
        }
        run.context().event("selfcheck", summary);
        run.agent("selfchecker", Map.of("samples", samples, "maxClaims", maxClaims), summary, started);
        return null;
    }

    private static String agent(PipelineRun run, int sample) {
        return "selfcheck:" + run.pluginId() + "#" + sample;
    }

    private boolean acceptsTemperature(String pluginId) {
        return plugins.generators().stream().filter(g -> g.pluginId().equals(pluginId)
                && g.info().modality() == Modality.TEXT)
                .anyMatch(g -> g.info().parameters().stream().anyMatch(p -> p.name().equals("temperature")));
    }

    /** One sample: the whole prompt, or (a planned text) every section's prompt, joined like the kept text. */
    private String sample(PipelineRun run, Map<String, Object> parameters, long seed) {
        List<String> prompts = run.list("outline").stream().map(o -> String.valueOf(o.get("prompt"))).toList();
        if (prompts.isEmpty()) {
            prompts = List.of(run.prompt());
        }
        StringBuilder text = new StringBuilder();
        for (String prompt : prompts) {
            GeneratedContent content = plugins.generate(run.pluginId(), new GenerationRequest(Modality.TEXT, prompt,
                    parameters, seed), new CallOptions(null, run.context().cancellation(), CallListener.NONE,
                    "job:" + run.job().id()));
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(content.text() == null ? "" : content.text());
        }
        return text.toString();
    }
}
