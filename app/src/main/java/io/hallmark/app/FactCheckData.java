package io.hallmark.app;

import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.governance.factcheck.ClaimExtractor;
import io.hallmark.governance.factcheck.FactCheckers;
import io.hallmark.governance.factcheck.PassageVectors;
import io.hallmark.governance.factcheck.KnowledgeBaseEvidence;
import io.hallmark.governance.factcheck.eval.FactCheckEvaluator;
import io.hallmark.governance.factcheck.eval.LabeledClaim;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.embed.OnnxEmbedder;
import io.hallmark.retrieval.ingest.JsonLinesReader;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.SearchMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code eval factcheck} and {@code train factcheck} share: the two embedders of the standard verifiers, the
 * evaluation knowledge base (a corpus indexed once under {@code <data-dir>/kb/_eval-...}) and running the
 * verifiers over a dataset's claims.
 */
final class FactCheckData implements AutoCloseable {

    static final int K = 5;

    final OnnxEmbedder first;
    final OnnxEmbedder second;
    private final HallmarkConfig config;
    private final PrintWriter err;
    final FactCheckEvaluator evaluator;

    FactCheckData(HallmarkConfig config, PrintWriter err) {
        this.config = config;
        this.err = err;
        this.first = KbOptions.embedder(FactCheckers.FIRST_MODEL);
        this.second = KbOptions.embedder(FactCheckers.SECOND_MODEL);
        this.evaluator = new FactCheckEvaluator(FactCheckers.standardVerifiers(first, second, PassageVectors.NONE), m -> {
            err.println("  " + m);
            err.flush();
        });
    }

    /** Climate-FEVER-format claims checked against a corpus indexed into the data directory. */
    List<FactCheckEvaluator.Case> claims(List<LabeledClaim> claims, Path corpus, String kbName) {
        Path folder = config.dataDir().resolve("kb").resolve(kbName);
        try (KnowledgeBase kb = KnowledgeBase.open(folder, KnowledgeBaseOptions.DEFAULT, first)) {
            err.println("Indexing " + corpus + " into " + folder + " (unchanged rows are skipped)");
            ProgressBar bar = new ProgressBar(err);
            kb.ingest(readCorpus(corpus), bar);
            bar.finish();
            err.println("Checking " + claims.size() + " claims (evidence: hybrid top " + K + ")");
            return evaluator.run(claims, new KnowledgeBaseEvidence(kb), new KnowledgeBaseEvidence(kb, SearchMode.BM25), K);
        }
    }

    /** HaluEval-QA answers checked against their knowledge paragraphs. */
    List<FactCheckEvaluator.Case> haluEval(Path file) {
        err.println("Checking the answers of " + file);
        return evaluator.runHaluEval(file, ClaimExtractor.everySentence()); // every answer sentence is meant as a claim
    }

    static List<SourceDocument> readCorpus(Path corpus) {
        try {
            List<String> skipped = new ArrayList<>();
            List<SourceDocument> docs = new JsonLinesReader().read(corpus, corpus.getFileName().toString(),
                    s -> skipped.add(s.toString()));
            if (docs.isEmpty()) {
                throw new IllegalArgumentException("No documents in corpus " + corpus + (skipped.isEmpty() ? ""
                        : "; skipped: " + skipped.subList(0, Math.min(3, skipped.size()))));
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read corpus " + corpus, e);
        }
    }

    /** A knowledge-base name for an arbitrary corpus file. */
    static String kbName(Path corpus) {
        String base = corpus.toAbsolutePath().normalize().toString();
        return "_eval-factcheck-" + Integer.toHexString(base.hashCode()) + "-"
                + corpus.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
    }

    static Path require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No file at '" + file + "'; pass --eval-dir pointing at the shared eval "
                    + "folder, or --claims FILE --corpus FILE");
        }
        return file;
    }

    @Override
    public void close() {
        first.close();
        second.close();
    }
}
