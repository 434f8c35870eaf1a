package io.hallmark.core.blob;

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
 * The disk under the blob store fills up, for real: a child JVM runs in a mount namespace of its own ({@code unshare
 * -Urm}) on a 1 MiB tmpfs, so the operating system answers ENOSPC. The store says so clearly, keeps no partial file,
 * every blob stored before still verifies, and once space is freed the same store stores again, with no restart.
 */
class BlobStoreDiskFullTest {

    @TempDir
    Path disk;

    @Test
    void aFullDiskIsAClearErrorLosesNothingAndTheStoreRecoversWhenSpaceIsFreed() throws Exception {
        assumeTrue(canMountTmpfs(), "needs unprivileged user and mount namespaces (unshare -Urm) to mount a tiny tmpfs");
        List<String> tinyDisk = List.of("unshare", "-Urm", "sh", "-c",
                "mount -t tmpfs -o size=1m tmpfs \"$0\" && exec \"$@\"", disk.toString());
        try (ChildJvm child = ChildJvm.startWrapped(tinyDisk, FillBlobStore.class, List.of("-Xmx128m"),
                disk.toString())) {
            child.awaitLine("DONE"::equals, Duration.ofSeconds(60));
            String out = child.output();
            assertThat(line(out, "FULL")).startsWith("StorageFullException: Cannot store blob in")
                    .contains("the disk is full (No space left on device)");
            assertThat(Integer.parseInt(line(out, "KEPT"))).as("blobs stored before the disk filled").isBetween(5, 15);
            assertThat(line(out, "VERIFIED")).as("every blob stored before still verifies").isEqualTo("true");
            assertThat(line(out, "PARTIAL")).as("no partial file left behind").isEqualTo("0");
            assertThat(line(out, "RECOVERED")).as("stores again once space is freed, no restart").isEqualTo("true");
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
