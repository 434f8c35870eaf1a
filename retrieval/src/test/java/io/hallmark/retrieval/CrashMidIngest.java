package io.hallmark.retrieval;

import io.hallmark.retrieval.chunk.ChunkingOptions;
import io.hallmark.retrieval.ingest.SourceDocument;
import io.hallmark.retrieval.testing.Shared;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Run in a child JVM by {@link CrashRecoveryTest}: ingests 10 sources (committed), then starts ingesting 10
 * more and halts the JVM, as a kill -9 or power cut would, after some of them were written but before the
 * ingest commits. A near-real-time reader is opened first, so the uncommitted segments are on disk too.
 */
public final class CrashMidIngest {

    private CrashMidIngest() {}

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        KnowledgeBaseOptions options = new KnowledgeBaseOptions(new ChunkingOptions(200, 0), false, 2,
                1 << 20, null);
        KnowledgeBase kb = KnowledgeBase.open(folder, options, Shared.miniLm());
        kb.ingest(docs("first"), IngestListener.NONE);
        System.out.println("committed first batch");
        kb.ingest(docs("second"), (done, total, chunks) -> {
            if (chunks >= 6) {
                // open a near-real-time reader: the uncommitted chunks are flushed into segment files on disk
                System.out.println("searchable before the crash: " + ((io.hallmark.retrieval.index.LuceneIndex) kb.index()).count());
                System.out.println("halting after " + chunks + " uncommitted chunks");
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
        });
        System.out.println("not reached");
    }

    static List<SourceDocument> docs(String batch) {
        return IntStream.range(0, 10).mapToObj(i -> SourceDocument.of(batch + "-" + i, "Batch " + batch,
                "Record " + i + " of the " + batch + " batch describes river deltas and sediment.", Map.of("batch", batch)))
                .toList();
    }
}
