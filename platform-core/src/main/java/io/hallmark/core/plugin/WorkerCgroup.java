package io.hallmark.core.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A control group of its own for one worker process tree, where the host allows the platform to create one (cgroup v1
 * {@code memory} and {@code pids} hierarchies, or cgroup v2 with both controllers delegated): a hard memory limit for
 * the whole tree (heap, metaspace, native memory, children) and a limit on its number of processes and threads, so a
 * fork bomb stops at the limit. Where the host does not allow it, workers run without (the heap is still bounded by
 * {@code -Xmx}); {@link #available()} says which.
 */
final class WorkerCgroup implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerCgroup.class);
    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    /** Processes and threads one worker tree may have (a worker JVM uses about 20 to 40 threads). */
    static final int MAX_PIDS = 256;

    private final List<Path> groups;

    private WorkerCgroup(List<Path> groups) {
        this.groups = List.copyOf(groups);
    }

    /**
     * Creates the groups for one worker.
     *
     * @return the groups, or empty when the host does not let the platform create them
     */
    static Optional<WorkerCgroup> create(String name, long memoryBytes) {
        List<Path> groups = new ArrayList<>();
        try {
            if (Files.isRegularFile(ROOT.resolve("cgroup.controllers"))) {
                Path group = own("0::").map(p -> ROOT.resolve(p)).orElse(ROOT).resolve("hallmark-" + name);
                Files.createDirectory(group);
                groups.add(group);
                Files.writeString(group.resolve("memory.max"), Long.toString(memoryBytes));
                Files.writeString(group.resolve("pids.max"), Integer.toString(MAX_PIDS));
            } else if (Files.isDirectory(ROOT.resolve("memory")) && Files.isDirectory(ROOT.resolve("pids"))) {
                Path memory = ROOT.resolve("memory").resolve(own(":memory:").orElse("")).resolve("hallmark-" + name);
                Files.createDirectory(memory);
                groups.add(memory);
                Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
                Path pids = ROOT.resolve("pids").resolve(own(":pids:").orElse("")).resolve("hallmark-" + name);
                Files.createDirectory(pids);
                groups.add(pids);
                Files.writeString(pids.resolve("pids.max"), Integer.toString(MAX_PIDS));
            } else {
                return Optional.empty();
            }
            return Optional.of(new WorkerCgroup(groups));
        } catch (IOException | RuntimeException e) {
            log.debug("No control group for worker {}: {}", name, e.toString());
            new WorkerCgroup(groups).close();
            return Optional.empty();
        }
    }

    /** Whether this host lets the platform create worker control groups (probed by creating and removing one). */
    static boolean available() {
        Optional<WorkerCgroup> probe = create("probe-" + ProcessHandle.current().pid(), 64L << 20);
        probe.ifPresent(WorkerCgroup::close);
        return probe.isPresent();
    }

    /** This process's group path in a hierarchy, from {@code /proc/self/cgroup} (e.g. {@code 4:memory:/a/b}). */
    private static Optional<String> own(String marker) {
        try {
            return Files.readAllLines(Path.of("/proc/self/cgroup")).stream()
                    .filter(l -> marker.startsWith("0::") ? l.startsWith(marker) : l.contains(marker))
                    .map(l -> l.substring(l.indexOf(marker) + marker.length()).replaceFirst("^/", ""))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Moves a process and its descendants into the groups (their later children inherit them). */
    void add(ProcessHandle root) {
        Stream.concat(Stream.of(root), root.descendants()).filter(ProcessHandle::isAlive).forEach(p -> {
            for (Path group : groups) {
                try {
                    Files.writeString(group.resolve("cgroup.procs"), Long.toString(p.pid()), StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    log.debug("Cannot move process {} into {}: {}", p.pid(), group, e.getMessage());
                }
            }
        });
    }

    /** Removes the groups once their processes are gone. */
    @Override
    public void close() {
        for (Path group : groups) {
            for (int attempt = 0; attempt < 20; attempt++) {
                try {
                    Files.deleteIfExists(group);
                    break;
                } catch (IOException e) {
                    try {
                        Thread.sleep(50); // processes still leaving the group
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
