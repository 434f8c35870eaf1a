package io.hallmark.core.kb;

import io.hallmark.governance.factcheck.ClaimExtractor;
import io.hallmark.governance.factcheck.FactChecker;
import io.hallmark.governance.factcheck.FactCheckers;
import io.hallmark.governance.factcheck.KnowledgeBaseEvidence;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.governance.factcheck.Verifier;
import io.hallmark.governance.factcheck.VoteCombiner;
import io.hallmark.retrieval.KnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fact checker the governance stage uses: the standard verifiers over the shared embedders, the LLM judge when
 * one is configured ({@link LlmJudge}), plus every enabled plugin {@link io.hallmark.api.ClaimVerifier}, evidence
 * from the configured knowledge base, and the combiner
 * {@code hallmark train factcheck} chose on dev ({@link FactCheckers#combiner}), or, on a platform node, the
 * cluster's active combiner artifact ({@link #useActiveCombiner}). Built on first use, once the
 * knowledge base exists, and rebuilt when the plugin verifiers change.
 */
public final class FactCheckService {

    private static final Logger LOG = LoggerFactory.getLogger(FactCheckService.class);

    private final KnowledgeBases knowledgeBases;
    private final String kbName;
    private final Path dataDir;
    private final @Nullable PluginHost plugins;
    private final @Nullable Verifier llmJudge;
    private @Nullable KnowledgeBase builtFor;
    private List<String> builtWithPlugins = List.of();
    private @Nullable FactChecker checker;
    private @Nullable VoteCombiner builtWithCombiner;
    private @Nullable VoteCombiner committed;
    private java.util.function.Supplier<VoteCombiner> activeCombiner = this::committedCombiner;
    /** What `hallmark train factcheck` left in the data directory, read once (a verdict model is costly to load). */
    private @Nullable Optional<VoteCombiner> trained;

    public FactCheckService(KnowledgeBases knowledgeBases, String kbName, Path dataDir) {
        this(knowledgeBases, kbName, dataDir, null);
    }

    /** @param plugins whose enabled {@link io.hallmark.api.ClaimVerifier}s vote beside the built-in verifiers */
    public FactCheckService(KnowledgeBases knowledgeBases, String kbName, Path dataDir, @Nullable PluginHost plugins) {
        this(knowledgeBases, kbName, dataDir, plugins, null);
    }

    /**
     * @param plugins whose enabled {@link io.hallmark.api.ClaimVerifier}s vote beside the built-in verifiers
     * @param llmJudge the LLM judge ({@link LlmJudge}) when one is configured: it votes after the built-in verifiers
     */
    public FactCheckService(KnowledgeBases knowledgeBases, String kbName, Path dataDir, @Nullable PluginHost plugins,
            @Nullable Verifier llmJudge) {
        this.knowledgeBases = knowledgeBases;
        this.kbName = kbName;
        this.dataDir = dataDir;
        this.plugins = plugins;
        this.llmJudge = llmJudge;
        // the semantic verifiers read their passage vectors from the index instead of embedding evidence
        knowledgeBases.storePassageVectors(kbName, FactCheckers.FIRST_MODEL);
        knowledgeBases.storePassageVectors(kbName, FactCheckers.SECOND_MODEL);
    }

    /**
     * Decide with the cluster's active {@code factcheck-combiner} artifact ({@code GovernanceModels::combiner}) only,
     * so that a decision records the artifact's hash, an activation takes effect, and every node on one database
     * decides the same (issue 20). What {@code hallmark train factcheck} left in this node's data directory (fit on
     * dev, for evaluation) is then not used for decisions; a node that has it says so once in its log.
     */
    public synchronized FactCheckService useActiveCombiner(java.util.function.Supplier<VoteCombiner> active) {
        this.activeCombiner = active;
        if (trained == null || trained.isPresent()) {
            Path folder = FactCheckers.verdictModelFolder(dataDir).getParent();
            if (Files.isDirectory(folder)) {
                LOG.warn("{} holds what 'hallmark train "
                        + "factcheck' left on this node; decisions use the cluster's active factcheck-combiner "
                        + "instead, so that every node decides alike (activate a combiner with 'hallmark "
                        + "governance activate')", folder);
            }
        }
        this.trained = Optional.empty();
        return this;
    }

    private VoteCombiner committedCombiner() {
        if (committed == null) {
            committed = FactCheckers.defaultCombiner();
        }
        return committed;
    }

    public String knowledgeBase() {
        return kbName;
    }

    /** The fact checker, or empty while the knowledge base does not exist. */
    public synchronized Optional<FactChecker> checker() {
        Optional<KnowledgeBase> kb = knowledgeBases.find(kbName);
        if (kb.isEmpty()) {
            return Optional.empty();
        }
        List<String> pluginVerifiers = plugins == null ? List.of() : plugins.claimVerifiers();
        if (trained == null) {
            trained = FactCheckers.trainedCombiner(dataDir);
        }
        VoteCombiner combiner = trained.orElseGet(activeCombiner);
        if (checker == null || builtFor != kb.get() || !pluginVerifiers.equals(builtWithPlugins)
                || combiner != builtWithCombiner) {
            KnowledgeBaseEvidence evidence = new KnowledgeBaseEvidence(kb.get());
            List<Verifier> verifiers = new ArrayList<>(FactCheckers.standardVerifiers(
                    knowledgeBases.embedder(FactCheckers.FIRST_MODEL), knowledgeBases.embedder(FactCheckers.SECOND_MODEL),
                    evidence.passageVectors()));
            if (llmJudge != null) {
                verifiers.add(llmJudge);
            }
            pluginVerifiers.forEach(name -> verifiers.add(new PluginClaimVerifier(plugins, name)));
            checker = new FactChecker(new ClaimExtractor(), evidence, verifiers, combiner, FactChecker.DEFAULT_K);
            builtFor = kb.get();
            builtWithPlugins = pluginVerifiers;
            builtWithCombiner = combiner;
        }
        return Optional.of(checker);
    }
}
