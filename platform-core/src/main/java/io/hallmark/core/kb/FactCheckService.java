package io.hallmark.core.kb;

import io.hallmark.governance.factcheck.ClaimExtractor;
import io.hallmark.governance.factcheck.FactChecker;
import io.hallmark.governance.factcheck.FactCheckers;
import io.hallmark.governance.factcheck.KnowledgeBaseEvidence;
import io.hallmark.governance.factcheck.VoteCombiner;
import io.hallmark.retrieval.KnowledgeBase;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The fact checker the governance stage uses: the standard verifiers over the shared embedders, evidence from the
 * configured knowledge base, and the trained verdict model when {@code hallmark train factcheck} saved one (else
 * the weighted vote). Built on first use, once the knowledge base exists.
 */
public final class FactCheckService {

    private final KnowledgeBases knowledgeBases;
    private final String kbName;
    private final Path dataDir;
    private @Nullable KnowledgeBase builtFor;
    private @Nullable FactChecker checker;

    public FactCheckService(KnowledgeBases knowledgeBases, String kbName, Path dataDir) {
        this.knowledgeBases = knowledgeBases;
        this.kbName = kbName;
        this.dataDir = dataDir;
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
        if (checker == null || builtFor != kb.get()) {
            VoteCombiner combiner = FactCheckers.combiner(dataDir);
            KnowledgeBaseEvidence evidence = new KnowledgeBaseEvidence(kb.get());
            checker = new FactChecker(new ClaimExtractor(), evidence,
                    FactCheckers.standardVerifiers(knowledgeBases.embedder(FactCheckers.FIRST_MODEL),
                            knowledgeBases.embedder(FactCheckers.SECOND_MODEL), evidence.passageVectors()), combiner,
                    FactChecker.DEFAULT_K);
            builtFor = kb.get();
        }
        return Optional.of(checker);
    }
}
