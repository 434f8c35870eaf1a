package io.hallmark.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.HallmarkException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void createsTheLayoutAndHoldsTheLockUntilClosed() {
        Path root = tmp.resolve("data");
        try (DataDirectory dir = DataDirectory.open(root)) {
            dir.advertise(DataDirectoryOwner.self("server", "http://127.0.0.1:8080"));
            assertThat(dir.postgres()).isDirectory();
            assertThat(dir.blobs()).isDirectory();
            assertThat(dir.plugins()).isDirectory();

            assertThatThrownBy(() -> DataDirectory.open(root))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("in use by a running Hallmark server")
                    .hasMessageContaining("http://127.0.0.1:8080")
                    .satisfies(e -> assertThat(((DataDirectoryInUseException) e).owner()).get()
                            .extracting(DataDirectoryOwner::pid).isEqualTo(ProcessHandle.current().pid()));
        }
        try (DataDirectory again = DataDirectory.open(root)) {
            assertThat(again.root()).isEqualTo(root.toAbsolutePath());
        }
    }

    @Test
    void anUnwritableDirectoryIsReportedClearly() throws Exception {
        Path readOnly = Files.createDirectory(tmp.resolve("ro"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        // root ignores permission bits; a path under a regular file is unusable for everyone
        Path underFile = Files.writeString(tmp.resolve("file"), "x").resolve("data");

        assertThatThrownBy(() -> DataDirectory.open(underFile))
                .isInstanceOf(HallmarkException.class)
                .hasMessageContaining("Data directory " + underFile)
                .hasMessageContaining("--data-dir");
        if (!"root".equals(System.getProperty("user.name"))) {
            assertThatThrownBy(() -> DataDirectory.open(readOnly.resolve("data")))
                    .hasMessageContaining("not writable");
        }
    }
}
