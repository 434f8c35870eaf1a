package io.hallmark.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The process's memory: Java heap in use and resident set size, in MiB. */
public final class Memory {

    private Memory() {}

    public static Map<String, Object> snapshot() {
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heapUsedMiB", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        m.put("rssMiB", rssMiB());
        return m;
    }

    private static long rssMiB() {
        return rssMiB("self");
    }

    /** The resident set size of a process ({@code self} or a pid), in MiB; -1 where unknown. */
    public static long rssMiB(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not on Linux
        }
        return -1;
    }
}
