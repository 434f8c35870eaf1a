package io.hallmark.core.kb;

import io.hallmark.governance.factcheck.ClaimExtractor;
import io.hallmark.governance.factcheck.FactChecker;
import io.hallmark.governance.factcheck.FactCheckers;
import io.hallmark.governance.factcheck.KnowledgeBaseEvidence;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.governance.factcheck.Verifier;
import io.hallmark.governance.factcheck.VoteCombiner;
import io.hallmark.retrieval.KnowledgeBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The fact checker the governance stage uses: the standard verifiers over the shared embedders, the LLM judge when
 * one is configured ({@link LlmJudge}), plus every enabled plugin {@link io.hallmark.api.ClaimVerifier}, evidence
 * from the configured knowledge base, and the combiner
 * {@code hallmark train factcheck} chose on dev ({@link FactCheckers#combiner}). Built on first use, once the
 * knowledge base exists, and rebuilt when the plugin verifiers change.
 */
public final class FactCheckService {

    private final KnowledgeBases knowledgeBases;
    private final String kbName;
    private final Path dataDir;
    private final @Nullable PluginHost plugins;
    private final @Nullable Verifier llmJudge;
    private @Nullable KnowledgeBase builtFor;
    private List<String> builtWithPlugins = List.of();
    private @Nullable FactChecker checker;

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
        if (checker == null || builtFor != kb.get() || !pluginVerifiers.equals(builtWithPlugins)) {
            VoteCombiner combiner = FactCheckers.combiner(dataDir);
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
        }
        return Optional.of(checker);
    }
}
