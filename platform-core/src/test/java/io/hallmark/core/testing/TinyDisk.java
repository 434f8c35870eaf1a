package io.hallmark.core.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, tiny disk for disk-full tests: a child process runs in a mount namespace of its own ({@code unshare -Urm})
 * with a tmpfs of a given size mounted on a folder, so the operating system itself answers ENOSPC.
 */
public final class TinyDisk {

    private TinyDisk() {}

    /** Whether unprivileged user and mount namespaces let this machine mount a tmpfs. */
    public static boolean canMount() {
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

    /** The command prefix that runs what follows it with a tmpfs of {@code size} (e.g. {@code 2m}) on {@code folder}. */
    public static List<String> wrapper(Path folder, String size) {
        return List.of("unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=" + size + " tmpfs \"$0\" && exec \"$@\"",
                folder.toString());
    }

    /** The value of the line {@code KEY value} a child printed. */
    public static String line(String output, String key) {
        return output.lines().filter(l -> l.startsWith(key + " ")).findFirst()
                .map(l -> l.substring(key.length() + 1)).orElseThrow(() -> new AssertionError("no " + key + " in:\n"
                        + output));
    }
}
