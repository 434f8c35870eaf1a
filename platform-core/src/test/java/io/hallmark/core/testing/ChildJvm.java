package io.hallmark.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A second JVM running a main class from the test class path, for tests that kill a process the way an
 * operator or the kernel would. Its output is collected line by line.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(this::pump, "child-jvm-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code args} on this JVM's class path and flags. */
    public static ChildJvm start(Class<?> mainClass, List<String> jvmArgs, String... args) throws IOException {
        return startWrapped(List.of(), mainClass, jvmArgs, args);
    }

    /**
     * Starts {@code mainClass} as {@link #start} does, under a wrapper command that ends by running its arguments
     * (for instance {@code unshare} and a shell that mounts a small file system first, then {@code exec "$@"}).
     */
    public static ChildJvm startWrapped(List<String> wrapper, Class<?> mainClass, List<String> jvmArgs, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Waits until a line of output matches, failing with the output so far when the child dies or time runs out. */
    public String awaitLine(Predicate<String> matcher, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                for (String line : lines) {
                    if (matcher.test(line)) {
                        return line;
                    }
                }
            }
            if (!process.isAlive()) {
                reader.join(10_000); // let the reader drain the rest
                throw new AssertionError("Child JVM exited with " + process.exitValue() + " before the expected line:\n"
                        + output());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for a line; output so far:\n" + output());
    }

    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    public Process process() {
        return process;
    }

    /**
     * SIGTERM, as an operator's {@code kill} sends it: the process may shut down cleanly. Sent through the
     * process handle, because {@link Process#destroy()} also closes the pipes and would lose what the process
     * prints while it stops.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: the process gets no chance to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the child to exit and returns its exit code. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Child JVM still running after " + timeout + "; output:\n" + output());
        }
        reader.join(10_000); // every line it printed is in output() from here on
        return process.exitValue();
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
