package io.hallmark.core.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Utilisation and memory of the machine's NVIDIA GPUs, read with {@code nvidia-smi} at most once per
 * {@link #MAX_AGE} (the metrics endpoint and the alert rules ask often). On a machine without the tool (no GPU, or no
 * driver) it reports nothing, once, without retrying on every call.
 */
public final class GpuProbe {

    /** One GPU's reading. */
    public record GpuReading(int index, String name, double utilisation, long memoryUsedBytes, long memoryTotalBytes) {

        /** Used memory as a share of the total, 0..1. */
        public double memoryRatio() {
            return memoryTotalBytes > 0 ? (double) memoryUsedBytes / memoryTotalBytes : 0;
        }
    }

    static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final long MIB = 1024L * 1024;

    private final List<String> command;
    private @Nullable List<GpuReading> last;
    private long readAt;
    private boolean unavailable;

    /** Reads {@code nvidia-smi} from the {@code PATH}. */
    public GpuProbe() {
        this(locate());
    }

    GpuProbe(List<String> command) {
        this.command = command;
        this.unavailable = command.isEmpty();
    }

    private static List<String> locate() {
        String path = System.getenv("PATH");
        if (path == null) {
            return List.of();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path tool = Path.of(dir, "nvidia-smi");
            if (Files.isExecutable(tool)) {
                return List.of(tool.toString(), "--query-gpu=index,name,utilization.gpu,memory.used,memory.total",
                        "--format=csv,noheader,nounits");
            }
        }
        return List.of();
    }

    /** Every GPU's latest reading; empty when the machine has none (or no driver tool). */
    public synchronized List<GpuReading> read() {
        if (unavailable) {
            return List.of();
        }
        if (last != null && System.nanoTime() - readAt < MAX_AGE.toNanos()) {
            return last;
        }
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return last == null ? List.of() : last;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                unavailable = true; // no driver: do not fork a failing process on every scrape
                return List.of();
            }
            last = parse(out);
            readAt = System.nanoTime();
            return last;
        } catch (IOException e) {
            unavailable = true;
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The busiest GPU's utilisation (0..100) and the fullest GPU's memory share, when there is a GPU. */
    public Optional<GpuReading> busiest() {
        return read().stream().max(java.util.Comparator.comparingDouble(GpuReading::utilisation));
    }

    /** Parses {@code index, name, utilisation %, used MiB, total MiB} lines; skips lines it cannot read. */
    static List<GpuReading> parse(String csv) {
        List<GpuReading> readings = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] f = line.split(",");
            if (f.length < 5) {
                continue;
            }
            try {
                readings.add(new GpuReading(Integer.parseInt(f[0].strip()), f[1].strip(),
                        Double.parseDouble(f[2].strip()), Math.round(Double.parseDouble(f[3].strip()) * MIB),
                        Math.round(Double.parseDouble(f[4].strip()) * MIB)));
            } catch (NumberFormatException e) {
                // "[N/A]" fields on some boards: leave that GPU out
            }
        }
        return List.copyOf(readings);
    }
}
