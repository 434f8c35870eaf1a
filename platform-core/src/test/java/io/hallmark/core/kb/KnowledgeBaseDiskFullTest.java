package io.hallmark.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hallmark.core.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        assumeTrue(canMountTmpfs(), "needs unprivileged user and mount namespaces (unshare -Urm) to mount a tiny tmpfs");
        List<String> tinyDisk = List.of("unshare", "-Urm", "sh", "-c",
                "mount -t tmpfs -o size=2m tmpfs \"$0\" && exec \"$@\"", disk.toString());
        try (ChildJvm child = ChildJvm.startWrapped(tinyDisk, FillKnowledgeBase.class, List.of("-Xmx256m"),
                disk.toString())) {
            child.awaitLine("DONE"::equals, Duration.ofSeconds(90));
            String out = child.output();
            System.out.println(out.lines().filter(l -> l.matches("[A-Z]+ .*")).reduce("", (a, b) -> a + b + "\n"));
            assertThat(line(out, "FULL")).startsWith("RetrievalException: ").contains("No space left on device");
            assertThat(line(out, "SEARCHABLE")).as("the documents committed first are still found").isEqualTo("10");
            assertThat(line(out, "NOTLOST")).as("every source committed before the disk filled is kept").isEqualTo("true");
            assertThat(line(out, "RECOVERED")).as("ingests again once space is freed, no restart").isEqualTo("true");
            assertThat(line(out, "DURABLE")).as("what it reported is on disk").isEqualTo(line(out, "COMMITTED"));
        }
    }

    private static String line(String output, String key) {
        return output.lines().filter(l -> l.startsWith(key + " ")).findFirst()
                .map(l -> l.substring(key.length() + 1)).orElseThrow(() -> new AssertionError("no " + key + " in:\n"
                        + output));
    }

    private static boolean canMountTmpfs() {
        try {
            Process p = new ProcessBuilder("unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt")
                    .redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
