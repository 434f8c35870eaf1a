package io.hallmark.core.blob;

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
 * The disk under the blob store fills up, for real: a child JVM runs in a mount namespace of its own ({@code unshare
 * -Urm}) on a 1 MiB tmpfs, so the operating system answers ENOSPC. The store says so clearly, keeps no partial file,
 * every blob stored before still verifies, and once space is freed the same store stores again, with no restart.
 */
class BlobStoreDiskFullTest {

    @TempDir
    Path disk;

    @Test
    void aFullDiskIsAClearErrorLosesNothingAndTheStoreRecoversWhenSpaceIsFreed() throws Exception {
        assumeTrue(TinyDisk.canMount(), "needs unprivileged user and mount namespaces (unshare -Urm) to mount a tiny tmpfs");
        List<String> tinyDisk = TinyDisk.wrapper(disk, "1m");
        try (ChildJvm child = ChildJvm.startWrapped(tinyDisk, FillBlobStore.class, List.of("-Xmx128m"),
                disk.toString())) {
            child.awaitLine("DONE"::equals, Duration.ofSeconds(60));
            String out = child.output();
            assertThat(TinyDisk.line(out, "FULL")).startsWith("StorageFullException: Cannot store blob in")
                    .contains("the disk is full (No space left on device)");
            assertThat(Integer.parseInt(TinyDisk.line(out, "KEPT"))).as("blobs stored before the disk filled").isBetween(5, 15);
            assertThat(TinyDisk.line(out, "VERIFIED")).as("every blob stored before still verifies").isEqualTo("true");
            assertThat(TinyDisk.line(out, "PARTIAL")).as("no partial file left behind").isEqualTo("0");
            assertThat(TinyDisk.line(out, "RECOVERED")).as("stores again once space is freed, no restart").isEqualTo("true");
        }
    }
}
