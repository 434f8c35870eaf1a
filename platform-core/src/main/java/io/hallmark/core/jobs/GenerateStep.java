package io.hallmark.core.jobs;

import dev.langchain4j.agentic.AgenticServices;
import dev.langchain4j.agentic.UntypedAgent;
import dev.langchain4j.agentic.observability.AgentInvocationError;
import dev.langchain4j.agentic.observability.AgentListener;
import dev.langchain4j.agentic.observability.AgentRequest;
import dev.langchain4j.agentic.observability.AgentResponse;
import dev.langchain4j.data.message.UserMessage;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.HallmarkException;
import io.hallmark.api.Modality;
import io.hallmark.core.blob.BlobRef;
import io.hallmark.core.blob.BlobStore;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.pipeline.StepDefinition;
import io.hallmark.core.plugin.CallListener;
import io.hallmark.core.plugin.CallOptions;
import io.hallmark.core.plugin.PluginHost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The generator(s). Text and code run as a LangChain4j agentic flow over plugins exposed as {@link PluginChatModel}s:
 * a sequence with one unit per outline section (or one unit for the whole prompt); a unit with
 * {@code crossCheckWith} plugins is a parallel agent of the request's plugin and the cross-checkers, and their
 * agreement becomes the {@code crosscheck.agreement} score. The sections are assembled into one text, and their
 * offsets kept so findings can be traced to a section. Images and videos call the plugin directly.
 */
final class GenerateStep implements PipelineStep {

    private final Database db;
    private final PluginHost plugins;
    private final BlobStore blobs;

    GenerateStep(Database db, PluginHost plugins, BlobStore blobs) {
        this.db = db;
        this.plugins = plugins;
        this.blobs = blobs;
    }

    /** One piece of text to write: a section, or the whole text. */
    private record Unit(int index, @Nullable String title, String prompt, @Nullable String kept) {}

    @Override
    public @Nullable String run(StepDefinition step, PipelineRun run) {
        db.useTransaction(s -> s.find(ContentItem.class, run.job().contentItemId()).setStatus(ContentStatus.GENERATING));
        run.context().event("step", Map.of("step", step.id(), "status", "started", "round", run.round()));
        Modality modality = run.modality();
        if (modality != Modality.TEXT && modality != Modality.CODE) {
            GeneratedContent content = direct(run);
            persist(run, content, null, List.of());
            return null;
        }
        List<Unit> units = units(run);
        List<String> crossCheck = step.listSetting("crossCheckWith");
        Map<Integer, PluginChatModel> primaries = new LinkedHashMap<>();
        Map<Integer, List<PluginChatModel>> checkers = new LinkedHashMap<>();
        List<Object> agents = new ArrayList<>();
        List<TokenBatcher> batchers = new ArrayList<>();
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Unit unit : units) {
            if (unit.kept() != null) {
                continue;
            }
            String key = "prompt_" + unit.index();
            inputs.put(key, unit.prompt());
            String suffix = unit.title() == null ? "" : "#" + (unit.index() + 1);
            PluginChatModel primary = model(run, run.pluginId(), unit, true, batchers);
            primaries.put(unit.index(), primary);
            UntypedAgent writer = generator(primary, suffix, key, unit);
            if (crossCheck.isEmpty()) {
                agents.add(writer);
                continue;
            }
            List<Object> parallel = new ArrayList<>(List.of(writer));
            List<PluginChatModel> others = new ArrayList<>();
            for (String other : crossCheck) {
                PluginChatModel model = model(run, other, unit, false, batchers);
                others.add(model);
                parallel.add(generator(model, suffix, key, unit));
            }
            checkers.put(unit.index(), others);
            agents.add(AgenticServices.parallelBuilder().subAgents(parallel).name("cross-check" + suffix).build());
        }
        if (!agents.isEmpty()) {
            try {
                invoke(run, step, agents, inputs, primaries, checkers);
            } finally {
                batchers.forEach(TokenBatcher::flush);
            }
        }
        Map<Integer, String> texts = new LinkedHashMap<>();
        for (Unit unit : units) {
            texts.put(unit.index(), unit.kept() != null ? unit.kept()
                    : String.valueOf(primaries.get(unit.index()).content().text()));
        }
        List<Map<String, Object>> crossChecks = agreement(primaries, checkers);
        GeneratedContent first = primaries.values().stream().map(PluginChatModel::content).findFirst().orElse(null);
        persist(run, first, assemble(run, units, texts), crossChecks);
        return null;
    }

    private List<Unit> units(PipelineRun run) {
        List<Map<String, Object>> outline = run.list("outline");
        if (outline.isEmpty()) {
            return List.of(new Unit(0, null, run.prompt(), null));
        }
        @SuppressWarnings("unchecked")
        Map<String, String> revised = run.state().get("sectionPrompts") instanceof Map<?, ?> m
                ? (Map<String, String>) m : Map.of();
        List<Map<String, Object>> previous = run.list("sections");
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < outline.size(); i++) {
            String title = String.valueOf(outline.get(i).get("title"));
            String prompt = revised.getOrDefault(String.valueOf(i), String.valueOf(outline.get(i).get("prompt")));
            boolean keep = !revised.isEmpty() && !revised.containsKey(String.valueOf(i)) && i < previous.size();
            units.add(new Unit(i, title, prompt, keep ? String.valueOf(previous.get(i).get("text")) : null));
        }
        return units;
    }

    private PluginChatModel model(PipelineRun run, String pluginId, Unit unit, boolean primary,
            List<TokenBatcher> batchers) {
        Map<String, Object> label = unit.title() == null ? Map.of() : Map.of("section", unit.index() + 1);
        TokenBatcher batcher = new TokenBatcher(run.context(), label);
        CallListener listener = !primary ? CallListener.NONE : new CallListener() {
            @Override
            public void streamed(String piece) {
                batcher.add(piece);
            }

            @Override
            public void progress(double fraction, String message) {
                run.context().event("progress", Map.of("fraction", fraction, "message", message));
            }
        };
        batchers.add(batcher);
        return new PluginChatModel(plugins, pluginId, run.modality(), run.request("parameters"), seed(run),
                new CallOptions(null, run.context().cancellation(), listener, "job:" + run.job().id()));
    }

    private static UntypedAgent generator(PluginChatModel model, String suffix, String promptKey, Unit unit) {
        return AgenticServices.agentBuilder().chatModel(model).name("generator:" + model.pluginId() + suffix)
                .description(unit.title() == null ? "writes the text" : "writes section '" + unit.title() + "'")
                .outputKey("text_" + unit.index() + "_" + model.pluginId().replaceAll("[^A-Za-z0-9]", "_"))
                .userMessage("{{" + promptKey + "}}").build();
    }

    private void invoke(PipelineRun run, StepDefinition step, List<Object> agents, Map<String, Object> inputs,
            Map<Integer, PluginChatModel> primaries, Map<Integer, List<PluginChatModel>> checkers) {
        Map<String, Instant> started = new ConcurrentHashMap<>();
        AgentListener trace = new AgentListener() {
            @Override
            public void beforeAgentInvocation(AgentRequest request) {
                started.put(request.agentId(), Instant.now());
            }

            @Override
            public void afterAgentInvocation(AgentResponse response) {
                if (response.agent().leaf()) {
                    run.agent(response.agentName(), Map.of("prompt", prompt(response)),
                            Map.of("text", String.valueOf(response.output())),
                            started.getOrDefault(response.agentId(), Instant.now()));
                }
            }

            @Override
            public void onAgentInvocationError(AgentInvocationError error) {
                if (error.agent().leaf()) {
                    run.agentFailed(error.agentName(), Map.of(), String.valueOf(error.error()),
                            started.getOrDefault(error.agentId(), Instant.now()));
                }
            }

            @Override
            public boolean inheritedBySubagents() {
                return true;
            }
        };
        UntypedAgent flow = AgenticServices.sequenceBuilder().subAgents(agents).name(step.id()).listener(trace).build();
        try {
            flow.invoke(inputs);
        } catch (RuntimeException e) {
            // the agent framework wraps what the plugin threw; the job needs the plugin's own exception
            // (cancelled, retriable or not)
            List<PluginChatModel> all = new ArrayList<>(primaries.values());
            checkers.values().forEach(all::addAll);
            for (PluginChatModel m : all) {
                if (m.failure() != null) {
                    throw m.failure();
                }
            }
            if (run.context().cancellation().isCancelled()) {
                throw new GenerationCancelledException("Job " + run.job().id() + " was cancelled");
            }
            throw e instanceof HallmarkException h ? h
                    : new GenerationFailedException("The generation flow failed: " + e.getMessage(), false, e);
        }
        for (PluginChatModel m : primaries.values()) {
            if (m.content() == null) {
                throw new GenerationFailedException("Generator '" + m.pluginId() + "' produced nothing", true, null);
            }
        }
    }

    private static String prompt(AgentResponse response) {
        if (response.chatRequest() != null) {
            for (var m : response.chatRequest().messages().reversed()) {
                if (m instanceof UserMessage u) {
                    return u.singleText();
                }
            }
        }
        return "";
    }

    private GeneratedContent direct(PipelineRun run) {
        Instant started = Instant.now();
        TokenBatcher batcher = new TokenBatcher(run.context(), Map.of());
        GeneratedContent content = plugins.generate(run.pluginId(), new GenerationRequest(run.modality(), run.prompt(),
                run.request("parameters"), seed(run)), new CallOptions(null, run.context().cancellation(),
                new CallListener() {
                    @Override
                    public void streamed(String piece) {
                        batcher.add(piece);
                    }

                    @Override
                    public void progress(double fraction, String message) {
                        run.context().event("progress", Map.of("fraction", fraction, "message", message));
                    }
                }, "job:" + run.job().id()));
        batcher.flush();
        run.agent("generator:" + run.pluginId(), Map.of("prompt", run.prompt()), Map.of("sha256", content.sha256(),
                "mediaType", content.mediaType()), started);
        return content;
    }

    /** Joins the sections under their titles; records each section's text and offsets in the assembled text. */
    private static String assemble(PipelineRun run, List<Unit> units, Map<Integer, String> texts) {
        if (units.size() == 1 && units.getFirst().title() == null) {
            run.state().remove("sections");
            return texts.get(0);
        }
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Unit unit : units) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append("## ").append(unit.title()).append("\n\n");
            int start = text.length();
            text.append(texts.get(unit.index()));
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("title", unit.title());
            section.put("start", start);
            section.put("end", text.length());
            section.put("text", texts.get(unit.index()));
            sections.add(section);
        }
        run.state().put("sections", sections);
        run.state().remove("sectionPrompts");
        return text.toString();
    }

    /** Word-set overlap (Jaccard) of each cross-checker's text with the request's plugin, averaged over units. */
    private static List<Map<String, Object>> agreement(Map<Integer, PluginChatModel> primaries,
            Map<Integer, List<PluginChatModel>> checkers) {
        Map<String, List<Double>> byPlugin = new LinkedHashMap<>();
        checkers.forEach((unit, models) -> {
            String primary = String.valueOf(primaries.get(unit).content().text());
            for (PluginChatModel m : models) {
                byPlugin.computeIfAbsent(m.pluginId(), k -> new ArrayList<>())
                        .add(jaccard(primary, m.content() == null ? "" : String.valueOf(m.content().text())));
            }
        });
        List<Map<String, Object>> result = new ArrayList<>();
        byPlugin.forEach((plugin, values) -> result.add(Map.of("plugin", plugin, "agreement",
                values.stream().mapToDouble(Double::doubleValue).average().orElse(0))));
        return result;
    }

    static double jaccard(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> either = new HashSet<>(x);
        either.addAll(y);
        return (double) both.size() / either.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private void persist(PipelineRun run, @Nullable GeneratedContent content, @Nullable String text,
            List<Map<String, Object>> crossChecks) {
        Map<String, Object> state = run.state();
        if (content == null) { // every section was kept from the previous round
            db.useTransaction(s -> {
                ContentItem item = s.find(ContentItem.class, run.job().contentItemId());
                item.setTextBody(text);
                item.setStatus(ContentStatus.CHECKING);
            });
            return;
        }
        String version = plugins.find(run.pluginId()).map(v -> v.version()).orElse("?");
        BlobRef blob = content.artifact() == null ? null : store(content.artifact());
        db.useTransaction(s -> {
            ContentItem item = s.find(ContentItem.class, run.job().contentItemId());
            item.setPlugin(run.pluginId(), version);
            if (content.model() != null) {
                item.setModel(content.model().id(), content.model().sha256());
            }
            item.setSeed(content.seed());
            if (text != null) {
                item.setTextBody(text);
            } else {
                item.setArtifact(blob.sha256(), content.mediaType(), blob.size());
            }
            item.setStatus(ContentStatus.CHECKING);
        });
        Map<String, Object> generated = new LinkedHashMap<>();
        generated.put("round", run.round());
        generated.put("promptTokens", content.usage().promptTokens());
        generated.put("outputTokens", content.usage().outputTokens());
        generated.put("durationMillis", content.duration().toMillis());
        generated.put("metadata", content.metadata());
        if (!crossChecks.isEmpty()) {
            generated.put("crossCheck", crossChecks);
        }
        run.context().event("generated", generated);
        state.put("mediaType", content.mediaType());
        state.put("outputTokens", content.usage().outputTokens());
        state.put("metadata", content.metadata()); // what the generator found (e.g. code findings) reaches governance
        if (crossChecks.isEmpty()) {
            state.remove("crossCheck");
        } else {
            state.put("crossCheck", crossChecks);
        }
    }

    private static @Nullable Long seed(PipelineRun run) {
        return run.job().request().get("seed") instanceof Number n ? n.longValue() : null;
    }

    /**
     * Stores an artifact in the blob store; a store that cannot be reached (the shared store is the database) makes
     * the job retriable, while an artifact over the size limit fails it.
     */
    private BlobRef store(byte[] artifact) {
        try {
            return blobs.put(artifact);
        } catch (io.hallmark.core.blob.BlobTooLargeException e) {
            throw e;
        } catch (io.hallmark.api.HallmarkException e) {
            throw new io.hallmark.api.GenerationFailedException("Cannot store the artifact: " + e.getMessage(), true, e);
        }
    }
}
