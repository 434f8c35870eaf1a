package io.hallmark.core.probe;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.core.NotFoundException;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.BiasProbeRecord;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.plugin.GeneratorView;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.bias.BiasLexicon;
import io.hallmark.governance.bias.BiasScorer;
import io.hallmark.governance.bias.ContinuationProbe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counterfactual bias probes of stored text and code items, kept in {@code bias_probes}. {@link #start} checks the
 * request, records the probe as {@code RUNNING} and runs it on this node's probe thread (one probe at a time; the
 * REST API); {@link #run} does the same in the caller's thread (the CLI). Progress (swapped prompts continued of
 * all) is written after every re-generation; the result or the error is stored and audited as
 * {@code bias.probe.completed} or {@code bias.probe.failed} with the item as subject (scores only, no prompts). A
 * node that stops marks its unfinished probes {@code FAILED}, and a node starting on the same host marks those of a
 * process that is gone, so no probe stays {@code RUNNING} for ever.
 */
public final class BiasProbes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BiasProbes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The most replacements per swapped term a request may ask for. */
    public static final int MAX_PER_TERM = 5;

    /**
     * What to probe with.
     *
     * @param perTerm replacements per swapped demographic term, 1 to {@value #MAX_PER_TERM}
     * @param bias whether to score each continuation's bias too (needs the trained bias scorer), or only measure
     *     how much the text changes
     */
    public record Request(int perTerm, boolean bias) {
        public Request {
            if (perTerm < 1 || perTerm > MAX_PER_TERM) {
                throw InvalidRequestException.of("perTerm", "perTerm must be 1 to " + MAX_PER_TERM + ", got " + perTerm);
            }
        }
    }

    private final Database db;
    private final PluginHost plugins;
    private final AuditLog audit;
    private final GovernanceModels models;
    private final String node;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("bias-probes").daemon().factory());

    /** @param node this node's name ({@code host-pid}, see {@link io.hallmark.core.Platform#nodeName()}) */
    public BiasProbes(Database db, PluginHost plugins, AuditLog audit, GovernanceModels models, String node) {
        this.db = db;
        this.plugins = plugins;
        this.audit = audit;
        this.models = models;
        this.node = node;
        failAbandoned();
    }

    /**
     * Checks the request and starts the probe in the background.
     *
     * @return the probe as it starts ({@code RUNNING})
     * @throws NotFoundException when there is no such item
     * @throws InvalidRequestException when the item is not a generated text or code with its plugin and seed
     * @throws ProbeUnavailableException when its plugin no longer generates its modality, or the bias scorer (or,
     *     without bias scoring, the demographic terms) cannot be had
     */
    public BiasProbeRecord start(UUID itemId, Request request, String actor) {
        ContentItem item = probeable(itemId, request);
        BiasProbeRecord probe = record(item, request, actor);
        runner.execute(() -> execute(probe.id(), item, request, actor));
        return probe;
    }

    /** Checks the request and runs the probe in the caller's thread; returns it finished ({@code DONE} or {@code FAILED}). */
    public BiasProbeRecord run(UUID itemId, Request request, String actor) {
        ContentItem item = probeable(itemId, request);
        BiasProbeRecord probe = record(item, request, actor);
        execute(probe.id(), item, request, actor);
        return find(probe.id()).orElseThrow();
    }

    /** One probe. */
    public Optional<BiasProbeRecord> find(UUID probeId) {
        return Optional.ofNullable(db.inTransaction(s -> s.find(BiasProbeRecord.class, probeId)));
    }

    /** An item's probes, newest first, at most {@code limit}. */
    public List<BiasProbeRecord> forItem(UUID itemId, int limit) {
        return db.inTransaction(s -> s.createSelectionQuery("from BiasProbeRecord where contentItemId = :item "
                + "order by createdAt desc", BiasProbeRecord.class).setParameter("item", itemId).setMaxResults(limit)
                .getResultList());
    }

    private ContentItem probeable(UUID itemId, Request request) {
        ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, itemId));
        if (item == null) {
            throw new NotFoundException("content item", itemId.toString(), "No content item " + itemId);
        }
        if (item.modality() != Modality.TEXT && item.modality() != Modality.CODE) {
            throw InvalidRequestException.of("item", "Content item " + itemId + " is " + item.modality() + "; a probe "
                    + "re-generates the text of a TEXT or CODE item from its prompt, so it cannot probe images or video");
        }
        if (item.textBody() == null || item.pluginId() == null || item.seed() == null) {
            throw InvalidRequestException.of("item", "Content item " + itemId + " has no " + (item.textBody() == null
                    ? "text" : item.pluginId() == null ? "plugin" : "seed") + " recorded (status " + item.status()
                    + "); only a generated item with its text, plugin and seed can be re-generated the same way");
        }
        List<GeneratorView> generators = plugins.generators();
        if (generators.stream().noneMatch(g -> g.pluginId().equals(item.pluginId())
                && g.info().modality() == item.modality())) {
            throw new ProbeUnavailableException("Content item " + itemId + " was made by plugin '" + item.pluginId()
                    + "' (version " + item.pluginVersion() + "), which has no enabled " + item.modality() + " generator "
                    + "now; enabled generators: " + generators.stream().map(g -> g.pluginId() + ":"
                    + g.info().modality()).distinct().toList() + ". Install or enable the plugin to probe the item");
        }
        if (request.bias() && !models.biasAvailable()) {
            throw new ProbeUnavailableException("The bias scorer is not trained (no " + models.folder().resolve(
                    io.hallmark.governance.bias.BiasModel.FILE) + " and no eval folder to train it from). Run `hallmark "
                    + "train bias --eval-dir DIR`, or probe with \"bias\": false to measure the continuation change only");
        }
        if (!request.bias()) {
            try {
                models.lexicon();
            } catch (IllegalStateException e) {
                throw new ProbeUnavailableException(e.getMessage());
            }
        }
        return item;
    }

    private BiasProbeRecord record(ContentItem item, Request request, String actor) {
        BiasProbeRecord probe = new BiasProbeRecord(item.id(), request.perTerm(), request.bias(), node, actor);
        db.useTransaction(s -> s.persist(probe));
        return probe;
    }

    private void execute(UUID probeId, ContentItem item, Request request, String actor) {
        try {
            BiasScorer scorer = request.bias() ? models.bias() : null;
            BiasLexicon lexicon = scorer != null ? scorer.lexicon() : models.lexicon();
            ContinuationProbe.Result result = new CounterfactualProbe(plugins, lexicon, scorer, request.perTerm())
                    .probe(item, actor, (done, total) -> update(probeId, p -> p.progress(done, total)));
            Map<String, Object> stored = new LinkedHashMap<>(JSON.convertValue(result,
                    new TypeReference<Map<String, Object>>() {}));
            String version = plugins.find(item.pluginId()).map(v -> v.version()).orElse(null);
            stored.put("plugin", item.pluginId() + "@" + version);
            stored.put("itemPluginVersion", item.pluginVersion());
            update(probeId, p -> {
                p.progress(result.variants().size(), result.variants().size());
                p.done(stored);
            });
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("probe", probeId.toString());
            payload.put("plugin", stored.get("plugin"));
            payload.put("perTerm", request.perTerm());
            payload.put("bias", request.bias());
            payload.put("variants", result.variants().size());
            payload.put("axes", result.variants().stream().map(ContinuationProbe.Variant::axis).distinct().toList());
            payload.put("meanTextChange", result.meanTextChange());
            payload.put("meanAbsoluteBiasChange", result.meanAbsoluteBiasChange());
            audit.append(actor, "bias.probe.completed", item.id().toString(), payload);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("Bias probe {} of content item {} failed: {}", probeId, item.id(), e.toString());
            update(probeId, p -> p.failed(reason));
            audit.append(actor, "bias.probe.failed", item.id().toString(), Map.of("probe", probeId.toString(),
                    "error", reason));
        }
    }

    private void update(UUID probeId, java.util.function.Consumer<BiasProbeRecord> change) {
        db.useTransaction(s -> {
            BiasProbeRecord p = s.find(BiasProbeRecord.class, probeId);
            if (p != null) {
                change.accept(p);
            }
        });
    }

    /** Marks probes left RUNNING by a process of this host that is gone. */
    private void failAbandoned() {
        String host = node.contains("-") ? node.substring(0, node.lastIndexOf('-') + 1) : node;
        List<BiasProbeRecord> running = db.inTransaction(s -> s.createSelectionQuery("from BiasProbeRecord where state "
                + "= :running", BiasProbeRecord.class).setParameter("running", BiasProbeRecord.RUNNING).getResultList());
        for (BiasProbeRecord p : running) {
            if (p.node().startsWith(host) && !p.node().equals(node) && !alive(p.node())) {
                interrupted(p.id(), "interrupted: node " + p.node() + " stopped before the probe finished; start it "
                        + "again");
            }
        }
    }

    private static boolean alive(String node) {
        try {
            long pid = Long.parseLong(node.substring(node.lastIndexOf('-') + 1));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a host-pid name: leave it to its own node
        }
    }

    private void interrupted(UUID probeId, String reason) {
        update(probeId, p -> {
            if (p.state().equals(BiasProbeRecord.RUNNING)) {
                p.failed(reason);
            }
        });
    }

    /** Stops the probe thread and marks this node's unfinished probes FAILED. */
    @Override
    public void close() {
        runner.shutdownNow();
        try {
            if (!runner.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                log.warn("A bias probe is still re-generating; marking it interrupted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            List<UUID> mine = db.inTransaction(s -> s.createSelectionQuery("select id from BiasProbeRecord where state "
                    + "= :running and node = :node", UUID.class).setParameter("running", BiasProbeRecord.RUNNING)
                    .setParameter("node", node).getResultList());
            mine.forEach(id -> interrupted(id, "interrupted: the server stopped before the probe finished; start it "
                    + "again"));
        } catch (RuntimeException e) {
            log.warn("Could not mark this node's unfinished bias probes as interrupted: {}", e.toString());
        }
    }
}
