package io.hallmark.core.plugin;

import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.config.PluginSettings;
import io.hallmark.core.model.ModelProvider;
import io.hallmark.core.persistence.PluginRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calling room of the plugin host: takes a call into a loaded plugin version (wherever its code runs), validates
 * the request against the generator's declaration, runs it on its own virtual thread with a deadline and the host
 * services of a {@link HostGeneratorContext}, checks the output, and counts failures in the plugin's circuit breaker.
 * Governance checks and claim verifiers are called by {@link PluginCheckRunner} through the same machinery.
 */
final class PluginInvoker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginInvoker.class);

    private final LoadedPlugins loaded;
    private final PluginStore store;
    private final PluginSettings settings;
    private final ModelProvider models;
    private final AuditLog audit;
    private final PluginConfigStore configs;
    private final Supplier<KnowledgeSearch> knowledge;
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("plugin-call-", 0).factory());

    PluginInvoker(LoadedPlugins loaded, PluginStore store, PluginSettings settings, ModelProvider models, AuditLog audit,
            PluginConfigStore configs, Supplier<KnowledgeSearch> knowledge) {
        this.loaded = loaded;
        this.store = store;
        this.settings = settings;
        this.models = models;
        this.audit = audit;
        this.configs = configs;
        this.knowledge = knowledge;
    }

    Set<String> enabledIds() {
        return new TreeSet<>(loaded.active.keySet());
    }

    /**
     * Generates content with a plugin's generator for the request's modality. The request's parameters are
     * validated against the generator's declaration first; the call runs on its own thread with a deadline.
     *
     * @throws PluginUnavailableException when the plugin is not enabled or its circuit is open
     * @throws InvalidRequestException when the request does not fit the generator
     * @throws GenerationCancelledException when the caller cancelled
     * @throws PluginCallException when the plugin threw, hung past the deadline or returned invalid output
     */
    public GeneratedContent generate(String pluginId, GenerationRequest request, CallOptions options) {
        PluginSlot slot = acquire(pluginId, options.cancellation());
        HostGeneratorContext context = null;
        try {
            PluginSlot.LoadedGenerator generator = slot.generatorFor(request.modality())
                    .orElseThrow(() -> new InvalidRequestException("Plugin '" + pluginId + "' generates "
                            + slot.generators().stream().map(g -> g.info().modality()).toList() + ", not "
                            + request.modality()));
            GenerationRequest validated = request.withParameters(generator.info().validate(request.parameters()));
            if (!slot.breaker().allow()) {
                throw new PluginUnavailableException("Plugin '" + pluginId + "' is refusing calls: "
                        + slot.breaker().describe(), false);
            }
            Duration timeout = timeout(options);
            Instant deadline = Instant.now().plus(timeout);
            context = new HostGeneratorContext(pluginId, slot.permissions(), models, deadline, options.cancellation(),
                    options.listener(), pluginConfig(pluginId), audit, knowledge.get());
            HostGeneratorContext callContext = context;
            Future<GeneratedContent> future = calls.submit(() -> generator.generator().generate(validated, callContext));
            GeneratedContent content = await(slot, future, deadline, timeout, options.cancellation());
            checkOutput(slot, generator.info(), validated, content);
            slot.breaker().success();
            return storable(content);
        } finally {
            if (context != null) {
                context.closeLeases();
            }
            slot.release(options.cancellation());
        }
    }

    /** The caller's deadline, never longer than the host's call timeout. */
    Duration timeout(CallOptions options) {
        return options.timeout() == null || options.timeout().compareTo(settings.callTimeout()) > 0
                ? settings.callTimeout() : options.timeout();
    }

    PluginSlot acquire(String pluginId, Cancellation cancellation) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            PluginSlot slot = loaded.active.get(pluginId);
            if (slot == null) {
                throw unavailable(pluginId);
            }
            if (slot.tryAcquire(cancellation)) {
                return slot;
            }
            Thread.onSpinWait(); // the slot is being swapped out; the next read sees its successor
        }
        throw unavailable(pluginId);
    }

    PluginUnavailableException unavailable(String pluginId) {
        String failure = loaded.failures.get(pluginId);
        if (failure != null) {
            return new PluginUnavailableException("Plugin '" + pluginId + "' failed to load: " + failure, false);
        }
        Optional<PluginRecord> record = store.current(pluginId);
        if (record.isPresent()) {
            return new PluginUnavailableException("Plugin '" + pluginId + "' is " + record.get().state()
                    + "; enable it first", false);
        }
        return new PluginUnavailableException("Plugin '" + pluginId + "' is not installed; enabled plugins: "
                + enabledIds(), true);
    }

    private GeneratedContent await(PluginSlot slot, Future<GeneratedContent> future, Instant deadline,
            Duration timeout, Cancellation cancellation) {
        String id = slot.id();
        try {
            long wait = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            return future.get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancellation.cancel();
            future.cancel(true);
            String message = "Plugin '" + id + "' did not finish within " + timeout + "; the call was abandoned";
            slot.breaker().failure(message);
            throw new PluginCallException(id, message, null);
        } catch (InterruptedException e) {
            cancellation.cancel();
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new GenerationCancelledException("Interrupted while waiting for plugin '" + id + "'");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GenerationCancelledException cancelled && cancellation.isCancelled()) {
                throw cancelled;
            }
            if (cause instanceof InvalidRequestException invalid) {
                throw invalid;
            }
            if (cause instanceof PluginCallException workerFailure) { // the worker died or gave up: already says so
                slot.breaker().failure(workerFailure.getMessage());
                throw workerFailure;
            }
            String message = "Plugin '" + id + "' " + slot.version() + " failed: " + PluginSlot.describe(cause);
            slot.breaker().failure(message);
            if (cause instanceof GenerationFailedException failed && failed.retriable()) {
                throw new GenerationFailedException(message, true, cause);
            }
            throw new PluginCallException(id, message, cause);
        }
    }

    private static void checkOutput(PluginSlot slot, GeneratorInfo info, GenerationRequest request,
            @Nullable GeneratedContent content) {
        String problem = null;
        if (content == null) {
            problem = "returned no content";
        } else if (content.modality() != request.modality()) {
            problem = "returned " + content.modality() + " content for a " + request.modality() + " request";
        } else if (!info.models().isEmpty() && content.model() == null) {
            problem = "declares models but reported none in its output";
        } else {
            problem = checkJsonValues(content.metadata(), "metadata");
        }
        if (problem != null) {
            String message = "Plugin '" + slot.id() + "' " + slot.version() + " " + problem;
            slot.breaker().failure(message);
            throw new PluginCallException(slot.id(), message, null);
        }
    }

    /**
     * Generated text made storable: a model may emit NUL or half a surrogate pair, which PostgreSQL cannot keep; they
     * are removed (the content is kept, not lost) and {@code metadata.removedCharacters} says how many.
     */
    static GeneratedContent storable(GeneratedContent content) {
        if (content.text() == null) {
            return content;
        }
        io.hallmark.api.input.TextInput.Cleaned cleaned = io.hallmark.api.input.TextInput.clean(content.text());
        if (!cleaned.changed()) {
            return content;
        }
        Map<String, Object> metadata = new java.util.HashMap<>(content.metadata());
        metadata.put("removedCharacters", cleaned.removed());
        return new GeneratedContent(content.modality(), cleaned.text(), null, content.mediaType(), content.model(),
                content.seed(), content.usage(), content.duration(), metadata);
    }

    /** Metadata must be plain JSON values: no plugin classes may outlive the call (they would pin its loader). */
    static @Nullable String checkJsonValues(Object value, String path) {
        if (value instanceof String text && !io.hallmark.api.input.TextInput.storable(text)) {
            return "returned " + path + " holding " + io.hallmark.api.input.TextInput.problem(text).orElseThrow()
                    + ", which cannot be stored";
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Float) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return "returned a non-string key in " + path;
                }
                if (!io.hallmark.api.input.TextInput.storable(key)) {
                    return "returned a key in " + path + " holding a character that cannot be stored";
                }
                String problem = checkJsonValues(e.getValue(), path + "." + key);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String problem = checkJsonValues(list.get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return "returned a " + value.getClass().getName() + " at " + path + "; only JSON values are allowed";
    }

    /**
     * A plugin's settings (endpoint URLs, keys, limits) as the cluster keeps them ({@link PluginConfigStore}); read at
     * each call, so changes on any node apply without a restart. A call does not run without them: when they cannot
     * be read the call fails with the database's error.
     */
    Map<String, String> pluginConfig(String pluginId) {
        return configs.settings(pluginId);
    }

    /** Runs a plugin's code on its own virtual thread (the caller waits with a deadline). */
    <T> Future<T> submit(java.util.concurrent.Callable<T> task) {
        return calls.submit(task);
    }

    /** A fresh host context for one call of a loaded plugin. */
    HostGeneratorContext context(PluginSlot slot, Instant deadline, CallOptions options) {
        return new HostGeneratorContext(slot.id(), slot.permissions(), models, deadline, options.cancellation(),
                options.listener(), pluginConfig(slot.id()), audit, knowledge.get());
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
