package io.hallmark.app;

import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.HallmarkException;
import io.hallmark.api.Modality;
import io.hallmark.core.Platform;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.plugin.CallListener;
import io.hallmark.core.plugin.CallOptions;
import io.hallmark.core.plugin.Cancellation;
import io.hallmark.core.plugin.GeneratorView;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hallmark generate}: generates content with an enabled generator plugin of the modality on a platform
 * started for this command, streams the text to the terminal and keeps the result as a content item (with the
 * plugin, model id and SHA-256, parameters and seed). Governance does not run yet, so the item waits in
 * {@code NEEDS_REVIEW}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate text or code with a local model and keep it as a content item.")
final class GenerateCommand implements Callable<Integer> {

    private static final String ACTOR = System.getProperty("user.name", "cli");

    @Mixin
    PlatformOptions platform;

    @Option(names = "--modality", defaultValue = "text", description = "text or code (default ${DEFAULT-VALUE}).")
    String modality;

    @Option(names = "--prompt", required = true, description = "The prompt.")
    String prompt;

    @Option(names = "--max-tokens", description = "The most tokens to generate.")
    @Nullable Integer maxTokens;

    @Option(names = "--temperature", description = "0 for greedy decoding; higher is more random.")
    @Nullable Double temperature;

    @Option(names = "--seed", description = "Random seed, for reproducible output.")
    @Nullable Long seed;

    @Option(names = "--plugin", paramLabel = "ID", description = "The plugin to use (default: the first that generates the modality).")
    @Nullable String pluginId;

    @Option(names = "--json", description = "Print one JSON object instead of streaming.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Modality wanted = switch (modality.toLowerCase(java.util.Locale.ROOT)) {
            case "text" -> Modality.TEXT;
            case "code" -> Modality.CODE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--modality must be text or code, not '" + modality + "'");
        };
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (maxTokens != null) {
            parameters.put("maxTokens", maxTokens);
        }
        if (temperature != null) {
            parameters.put("temperature", temperature);
        }
        try (Platform p = Platform.start(platform.load(), "command")) {
            List<GeneratorView> generators = p.plugins().generators().stream()
                    .filter(g -> g.info().modality() == wanted)
                    .filter(g -> pluginId == null || g.pluginId().equals(pluginId)).toList();
            if (generators.isEmpty()) {
                throw new HallmarkException("No enabled plugin generates " + wanted + (pluginId == null ? "" : " with id '"
                        + pluginId + "'") + "; enabled plugins: " + p.plugins().enabledIds()
                        + ". The distribution bundles hallmark-text (app/target/plugins); install others with 'hallmark plugins install'");
            }
            GeneratorView generator = generators.getFirst();
            ContentItem item = new ContentItem(wanted, prompt);
            item.setPlugin(generator.pluginId(), generator.pluginVersion());
            item.setParameters(parameters);
            item.setSeed(seed);
            item.setStatus(ContentStatus.GENERATING);
            item.setCreatedBy(ACTOR);
            p.database().useTransaction(s -> s.persist(item));
            CallListener listener = new CallListener() {
                @Override
                public void streamed(String piece) {
                    if (!json) {
                        out.print(piece);
                        out.flush();
                    }
                }
            };
            GeneratedContent content;
            try {
                content = p.plugins().generate(generator.pluginId(),
                        new GenerationRequest(wanted, prompt, parameters, seed),
                        new CallOptions(null, new Cancellation(), listener, ACTOR));
            } catch (RuntimeException e) {
                p.database().useTransaction(s -> {
                    ContentItem failed = s.find(ContentItem.class, item.id());
                    failed.setStatus(ContentStatus.FAILED);
                });
                throw e;
            }
            p.database().useTransaction(s -> {
                ContentItem done = s.find(ContentItem.class, item.id());
                if (content.model() != null) {
                    done.setModel(content.model().id(), content.model().sha256());
                }
                done.setSeed(content.seed());
                done.setTextBody(content.text());
                done.setStatus(ContentStatus.NEEDS_REVIEW);
            });
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("contentId", item.id().toString());
            result.put("status", ContentStatus.NEEDS_REVIEW.name());
            result.put("modality", wanted.name());
            result.put("plugin", generator.pluginId() + " " + generator.pluginVersion());
            result.put("model", content.model() == null ? null : content.model().id());
            result.put("modelSha256", content.model() == null ? null : content.model().sha256());
            result.put("seed", content.seed());
            result.put("promptTokens", content.usage().promptTokens());
            result.put("outputTokens", content.usage().outputTokens());
            result.put("durationMillis", content.duration().toMillis());
            result.put("metadata", content.metadata());
            p.auditLog().append(ACTOR, "content.generated", item.id().toString(), Map.of("plugin", generator.pluginId(),
                    "model", String.valueOf(result.get("model")), "modelSha256", String.valueOf(result.get("modelSha256")),
                    "contentSha256", content.sha256()));
            if (json) {
                result.put("text", content.text());
                JsonOutput.print(out, result);
            } else {
                out.println();
                out.printf("%ncontent %s  status %s  model %s (sha256 %s)  seed %s  %d+%d tokens in %d ms%n", item.id(),
                        result.get("status"), result.get("model"), result.get("modelSha256"), content.seed(),
                        content.usage().promptTokens(), content.usage().outputTokens(), content.duration().toMillis());
                out.flush();
            }
            return 0;
        }
    }
}
