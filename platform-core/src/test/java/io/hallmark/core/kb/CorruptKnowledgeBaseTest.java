package io.hallmark.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.retrieval.IngestListener;
import io.hallmark.retrieval.RetrievalException;
import io.hallmark.retrieval.ingest.SourceDocument;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A knowledge base whose Lucene segment was corrupted on disk, as the platform sees it: the fact checker refuses it
 * with a clear error (its governance check is then unavailable and the item goes to review: {@code FactCheckAssessor},
 * {@code FailClosedTest}), {@link KnowledgeBases#problems()} names it for health, and once its folder is rebuilt the
 * same platform objects serve it again, with no restart.
 */
class CorruptKnowledgeBaseTest {

    @TempDir
    Path dataDir;

    @Test
    void aCorruptIndexIsRefusedClearlyReportedForHealthAndServedAgainOnceRebuilt() throws Exception {
        List<SourceDocument> docs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            docs.add(SourceDocument.of("keeper-" + i, "Keepers", "Lighthouse keeper " + i + " lit the lamp at dusk "
                    + "and kept it burning until dawn.", Map.of()));
        }
        try (KnowledgeBases first = new KnowledgeBases(dataDir)) {
            first.open("default").ingest(docs, IngestListener.NONE);
        }
        Path folder = dataDir.resolve("kb/default");
        Path segment;
        try (Stream<Path> files = Files.list(folder)) {
            segment = files.filter(f -> f.getFileName().toString().startsWith("_"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {0x13, 0x37, 0x13, 0x37, 0x13, 0x37}), channel.size() / 2);
        }

        try (KnowledgeBases knowledgeBases = new KnowledgeBases(dataDir)) {
            FactCheckService factCheck = new FactCheckService(knowledgeBases, "default", dataDir);
            assertThatThrownBy(factCheck::checker).isInstanceOf(RetrievalException.class)
                    .hasMessageContaining("is corrupt").hasMessageContaining("fact checks against it fail closed");
            assertThat(knowledgeBases.problems()).containsOnlyKeys("default");
            assertThat(knowledgeBases.problems().get("default")).contains(folder.toString()).contains("Rebuild it");

            // rebuilt as the error says (folder moved aside, sources ingested again): served again, health clear
            Files.move(folder, dataDir.resolve("kb-default.corrupt"));
            knowledgeBases.open("default").ingest(docs, IngestListener.NONE);
            assertThat(knowledgeBases.problems()).isEmpty();
            assertThat(factCheck.checker()).isPresent();
        }
    }
}
