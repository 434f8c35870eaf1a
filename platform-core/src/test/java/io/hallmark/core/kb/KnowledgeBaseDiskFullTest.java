package io.hallmark.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hallmark.core.testing.ChildJvm;
import io.hallmark.core.testing.TinyDisk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under the data directory's knowledge bases fills up, for real: a child JVM runs in a mount namespace of its
 * own ({@code unshare -Urm}) on a 2 MiB tmpfs, so the operating system answers ENOSPC while Lucene writes. The ingest
 * fails with an error that says so, nothing committed before is lost, and once space is freed the same knowledge base
 * ingests again (a writer closed by the failure is opened again from the last commit by itself), with no restart.
 */
class KnowledgeBaseDiskFullTest {

    @TempDir
    Path disk;

    @Test
    void aFullDiskFailsTheIngestClearlyLosesNothingAndTheKnowledgeBaseRecoversWhenSpaceIsFreed() throws Exception {
        assumeTrue(TinyDisk.canMount(), "needs unprivileged user and mount namespaces (unshare -Urm) to mount a tiny tmpfs");
        List<String> tinyDisk = TinyDisk.wrapper(disk, "2m");
        try (ChildJvm child = ChildJvm.startWrapped(tinyDisk, FillKnowledgeBase.class, List.of("-Xmx256m"),
                disk.toString())) {
            child.awaitLine("DONE"::equals, Duration.ofSeconds(90));
            String out = child.output();
            System.out.println(out.lines().filter(l -> l.matches("[A-Z]+ .*")).reduce("", (a, b) -> a + b + "\n"));
            assertThat(TinyDisk.line(out, "FULL")).startsWith("RetrievalException: ").contains("No space left on device");
            assertThat(TinyDisk.line(out, "SEARCHABLE")).as("the documents committed first are still found").isEqualTo("10");
            assertThat(TinyDisk.line(out, "NOTLOST")).as("every source committed before the disk filled is kept").isEqualTo("true");
            assertThat(TinyDisk.line(out, "RECOVERED")).as("ingests again once space is freed, no restart").isEqualTo("true");
            assertThat(TinyDisk.line(out, "DURABLE")).as("what it reported is on disk").isEqualTo(TinyDisk.line(out, "COMMITTED"));
        }
    }
}
