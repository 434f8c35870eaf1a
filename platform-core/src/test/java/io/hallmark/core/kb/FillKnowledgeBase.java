package io.hallmark.core.kb;

import io.hallmark.api.HallmarkException;
import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.KnowledgeBase;
import io.hallmark.retrieval.KnowledgeBaseOptions;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Run by {@link KnowledgeBaseDiskFullTest} in a child JVM whose {@code args[0]} is a tiny file system of its own: ingests
 * into a knowledge base (a real Lucene index, BM25 only so that no model is needed) until the disk is full, reports
 * what the knowledge base said and kept, frees space elsewhere on the disk, and ingests again with the same knowledge
 * base, printing one {@code KEY value} line per finding.
 */
public final class FillKnowledgeBase {

    private FillKnowledgeBase() {}

    public static void main(String[] args) throws Exception {
        Path disk = Path.of(args[0]);
        Path ballast = disk.resolve("ballast"); // something else on the disk that is deleted later (old logs, say)
        Files.write(ballast, new byte[512 * 1024]);
        Path folder = disk.resolve("kb");
        Random random = new Random(42);
        try (KnowledgeBase kb = KnowledgeBase.open(folder, KnowledgeBaseOptions.DEFAULT, null)) {
            kb.ingest(docs("first", 10, random), IngestListener.NONE);
            long committed = kb.stats().sources();
            String failure = null;
            for (int batch = 0; batch < 100 && failure == null; batch++) {
                try {
                    kb.ingest(docs("more" + batch, 40, random), IngestListener.NONE);
                    committed = kb.stats().sources();
                } catch (HallmarkException e) {
                    failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
            System.out.println("FULL " + failure);
            System.out.println("SEARCHABLE " + kb.search(SearchRequest.of("lighthouse keeper first", SearchMode.BM25, 10))
                    .stream().filter(h -> h.sourceId().startsWith("first-")).count());
            System.out.println("NOTLOST " + (kb.stats().sources() >= committed));
            Files.delete(ballast);
            int added = kb.ingest(docs("after", 10, random), IngestListener.NONE).added();
            System.out.println("RECOVERED " + (added == 10));
            committed = kb.stats().sources();
            System.out.println("COMMITTED " + committed);
        }
        try (KnowledgeBase kb = KnowledgeBase.open(folder, KnowledgeBaseOptions.DEFAULT, null)) {
            System.out.println("DURABLE " + kb.stats().sources());
        }
        System.out.println("DONE");
    }

    /** Documents of about 8 KB of random words each (they compress badly, so the disk fills fast). */
    private static List<SourceDocument> docs(String prefix, int n, Random random) {
        List<SourceDocument> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder("The lighthouse keeper of the " + prefix + " coast wrote: ");
            while (text.length() < 8_000) {
                for (int c = 0; c < 8; c++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                text.append(' ');
            }
            out.add(SourceDocument.of(prefix + "-" + i, "Log " + i, text.toString(), Map.of()));
        }
        return out;
    }
}
