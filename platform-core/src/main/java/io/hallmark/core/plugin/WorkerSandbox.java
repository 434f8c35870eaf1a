package io.hallmark.core.plugin;

import io.hallmark.worker.WorkerMain;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the command line of a worker process: the JDK's {@code java} with a minimal class path (the worker, the SDK,
 * PF4J, SLF4J, JSpecify, Jackson and LangChain4j's OpenAI client) under {@code prlimit} (CPU time, file size, no core dumps) and, when the machine
 * allows it, bubblewrap: a new root with only {@code /usr}, the JDK, the worker jars and the plugin archive read-only,
 * a private {@code /tmp}, the plugin's own folder writable, fresh namespaces (no network unless granted), a cleared
 * environment, a new session, and the sandbox dying with the platform.
 */
final class WorkerSandbox {

    private static final Logger log = LoggerFactory.getLogger(WorkerSandbox.class);

    /** Where things appear inside the sandbox. */
    static final String LIB = "/hallmark/lib";
    static final String PLUGIN = "/hallmark/plugin";
    static final String WORK = "/plugin-work";

    /** Whether bubblewrap can confine workers on this machine, and what was found. */
    record Confinement(boolean available, String detail) {}

    private static volatile @Nullable Confinement detected;

    private WorkerSandbox() {}

    /** Probes once whether {@code bwrap} exists and may create namespaces here (restricted containers refuse it). */
    static Confinement confinement() {
        Confinement c = detected;
        if (c == null) {
            synchronized (WorkerSandbox.class) {
                c = detected;
                if (c == null) {
                    c = probe();
                    detected = c;
                }
            }
        }
        return c;
    }

    /**
     * Makes {@link #confinement()} answer {@code assumed} instead of probing (tests of machines without namespaces);
     * {@code null} probes again.
     */
    static synchronized void assume(@Nullable Confinement assumed) {
        detected = assumed;
    }

    private static Confinement probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return new Confinement(false, "bubblewrap confinement needs Linux; this is " + System.getProperty("os.name"));
        }
        Path bwrap = bwrap();
        if (bwrap == null) {
            return new Confinement(false, "bubblewrap is not installed (apt-get install bubblewrap)");
        }
        List<String> command = new ArrayList<>(List.of(bwrap.toString(), "--unshare-all", "--die-with-parent",
                "--new-session", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                "/usr/bin/true"));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Confinement(false, bwrap + " did not finish a trial run within 10 s");
            }
            String output = new String(p.getInputStream().readAllBytes()).trim();
            if (p.exitValue() != 0) {
                return new Confinement(false, bwrap + " cannot create namespaces here (exit " + p.exitValue() + ": "
                        + output + "); allow unprivileged user namespaces or run the platform where they are allowed");
            }
            return new Confinement(true, bwrap + " with fresh user, pid, ipc, uts, cgroup and network namespaces");
        } catch (IOException e) {
            return new Confinement(false, "cannot run " + bwrap + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Confinement(false, "interrupted while probing bubblewrap");
        }
    }

    private static @Nullable Path bwrap() {
        for (String candidate : List.of("/usr/bin/bwrap", "/bin/bwrap", "/usr/local/bin/bwrap")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    /** The worker's class path on this machine: the jars (or class folders) of exactly these classes. */
    static List<Path> classPath() {
        Set<Path> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(WorkerMain.class, io.hallmark.api.ContentGenerator.class,
                org.pf4j.PluginManager.class, org.slf4j.Logger.class, org.jspecify.annotations.Nullable.class,
                com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonFactory.class,
                com.fasterxml.jackson.annotation.JsonProperty.class, com.github.zafarkhaja.semver.Version.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | RuntimeException e) {
                throw new IllegalStateException("Cannot locate the jar of " + type.getName() + " for plugin workers: "
                        + e.getMessage(), e);
            }
        }
        // LangChain4j's OpenAI-compatible client: the one library a worker provides beyond the SDK, so served-model
        // plugins (granted network) reach their endpoint without bundling it
        for (String name : HOST_PROVIDED) {
            try {
                Class<?> type = Class.forName(name, false, WorkerSandbox.class.getClassLoader());
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
                log.debug("{} is not on the platform's class path; workers go without it", name);
            }
        }
        return List.copyOf(entries);
    }

    /** Classes whose jars workers get when the platform has them: LangChain4j's OpenAI client and what it needs. */
    private static final List<String> HOST_PROVIDED = List.of("dev.langchain4j.model.chat.ChatModel",
            "dev.langchain4j.model.openai.OpenAiStreamingChatModel", "dev.langchain4j.http.client.HttpClient",
            "dev.langchain4j.http.client.jdk.JdkHttpClient", "com.knuddels.jtokkit.Encodings");

    /** The full command that starts a worker. */
    static List<String> command(WorkerLaunch launch) {
        Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath();
        Path java = javaHome.resolve("bin").resolve("java");
        List<Path> classPath = classPath();
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
            command.addAll(List.of("/usr/bin/prlimit", "--cpu=" + launch.cpuSeconds(), "--core=0",
                    "--fsize=" + 1024L * 1024 * 1024, "--nofile=1024"));
            command.add("--");
        }
        List<String> cp = new ArrayList<>();
        String archive;
        if (launch.confined()) {
            Path bwrap = bwrap();
            command.addAll(List.of(String.valueOf(bwrap), "--unshare-all"));
            if (launch.network()) {
                command.add("--share-net");
            }
            command.addAll(List.of("--die-with-parent", "--new-session", "--clearenv",
                    "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "LANG", "C.UTF-8", "--setenv", "HOME", WORK,
                    "--ro-bind", "/usr", "/usr"));
            for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
                Path p = Path.of(top);
                try {
                    if (Files.isSymbolicLink(p)) {
                        command.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                    } else if (Files.isDirectory(p)) {
                        command.addAll(List.of("--ro-bind", top, top));
                    }
                } catch (IOException e) {
                    log.debug("Skipping {} in the sandbox: {}", top, e.getMessage());
                }
            }
            if (!javaHome.startsWith("/usr/")) {
                command.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
            }
            command.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
            if (launch.network()) {
                for (String file : List.of("/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf", "/etc/ssl")) {
                    command.addAll(List.of("--ro-bind-try", file, file));
                }
            }
            for (int i = 0; i < classPath.size(); i++) {
                String inside = LIB + "/" + i + "-" + classPath.get(i).getFileName();
                command.addAll(List.of("--ro-bind", classPath.get(i).toString(), inside));
                cp.add(inside);
            }
            archive = PLUGIN + "/" + launch.archive().getFileName();
            command.addAll(List.of("--ro-bind", launch.archive().toString(), archive,
                    "--bind", launch.workDir().toString(), WORK, "--chdir", WORK));
        } else {
            classPath.forEach(p -> cp.add(p.toString()));
            archive = launch.archive().toString();
        }
        command.addAll(List.of(java.toString(), "-Xmx" + launch.heapMb() + "m", "-Xss1m",
                "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-XX:MaxMetaspaceSize=128m", "-Xshare:auto", "-Dfile.encoding=UTF-8", "-Dslf4j.internal.verbosity=ERROR",
                "-Djava.io.tmpdir=" + (launch.confined() ? "/tmp" : launch.workDir().resolve("tmp")),
                "-Duser.home=" + (launch.confined() ? WORK : launch.workDir()),
                "-cp", String.join(File.pathSeparator, cp), WorkerMain.class.getName(), archive,
                launch.hostVersion()));
        return command;
    }
}
