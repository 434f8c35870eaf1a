package io.hallmark.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.retrieval.search.SearchFilter;
import io.hallmark.retrieval.search.SearchHit;
import io.hallmark.retrieval.search.SearchMode;
import io.hallmark.retrieval.search.SearchRequest;
import io.hallmark.retrieval.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aCrashMidIngestLeavesTheLastCommitIntactAndTheKnowledgeBaseUsable() throws Exception {
        Path kbDir = dir.resolve("kb");
        Path log = dir.resolve("child.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx512m",
                "-Dhallmark.shared.dir=" + Shared.sharedDir(),
                "-cp", System.getProperty("java.class.path"),
                CrashMidIngest.class.getName(), kbDir.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isEqualTo(137);
        assertThat(output).contains("committed first batch", "searchable before the crash: 16", "halting after").doesNotContain("not reached");

        try (KnowledgeBase kb = KnowledgeBase.open(kbDir, KnowledgeBaseOptions.DEFAULT, Shared.miniLm())) {
            assertThat(kb.stats().sources()).isEqualTo(10);
            List<SearchHit> hits = kb.search(new SearchRequest("river deltas sediment", SearchMode.HYBRID, 50,
                    SearchFilter.NONE, null));
            assertThat(hits).extracting(SearchHit::sourceId).allMatch(id -> id.startsWith("first-")).hasSize(10);

            IngestReport retry = kb.ingest(CrashMidIngest.docs("second"), IngestListener.NONE);
            assertThat(retry.added()).isEqualTo(10);
            assertThat(kb.stats().sources()).isEqualTo(20);
        }
    }
}
