package io.hallmark.core.plugin;

import io.hallmark.api.GenerationCancelledException;
import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.GeneratorContext;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.ModelLease;
import io.hallmark.api.PermissionDeniedException;
import io.hallmark.api.PluginContext;
import io.hallmark.worker.Codec;
import io.hallmark.worker.FrameChannel;
import io.hallmark.worker.FrameException;
import io.hallmark.worker.Protocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running worker JVM and the host's end of its protocol: sends calls, routes streamed output and progress to the
 * caller's context, answers the worker's calls back to the host (model leases, through the context, which checks the
 * permissions), and notices when the worker dies: an exit, a crash, a kill, or a frame that breaks the wire format.
 * It then kills the process, fails every call in flight with a {@link PluginCallException} naming the cause, and tells
 * its {@link WorkerRuntime}.
 */
final class WorkerProcess {

    private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);

    private record Pending(PluginContext context, CompletableFuture<Map<String, Object>> done,
            Map<String, ModelLease> leases) {}

    private final String label;
    private final String pluginId;
    private final WorkerHostServices services;
    private final Process process;
    private final FrameChannel channel;
    private final Logger pluginLog;
    private final Consumer<WorkerProcess> onDeath;
    private final CompletableFuture<Map<String, Object>> ready = new CompletableFuture<>();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean dead = new AtomicBoolean();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private volatile boolean stopping;
    private volatile @Nullable String deathCause;
    private volatile @Nullable WorkerCgroup cgroup;

    private WorkerProcess(WorkerLaunch launch, Process process, Consumer<WorkerProcess> onDeath) {
        this.pluginId = launch.pluginId();
        this.services = new WorkerHostServices(launch.workDir());
        this.label = "Plugin '" + launch.pluginId() + "' " + launch.version();
        this.process = process;
        this.channel = new FrameChannel(process.getInputStream(), process.getOutputStream());
        this.pluginLog = LoggerFactory.getLogger("plugin." + launch.pluginId());
        this.onDeath = onDeath;
    }

    /**
     * Starts a worker and waits until its plugin is loaded.
     *
     * @return the running worker; {@link #description()} holds what the plugin offers
     * @throws PluginInstallException naming the cause when the plugin fails to load or start, or the worker dies or
     *     does not answer within {@code startTimeout}
     */
    static WorkerProcess start(WorkerLaunch launch, Duration startTimeout, Consumer<WorkerProcess> onDeath) {
        List<String> command = WorkerSandbox.command(launch);
        Process process;
        try {
            Files.createDirectories(launch.workDir().resolve("tmp"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(launch.workDir().toFile());
            builder.environment().clear(); // from scratch: no HALLMARK_*, no database password, nothing inherited
            builder.environment().put("PATH", "/usr/bin:/bin");
            builder.environment().put("LANG", "C.UTF-8");
            process = builder.start();
        } catch (IOException e) {
            throw new PluginInstallException("Cannot start a worker for plugin '" + launch.pluginId() + "': "
                    + e.getMessage(), e);
        }
        WorkerProcess worker = new WorkerProcess(launch, process, onDeath);
        // the whole tree in a control group of its own where the host allows it: memory and process-count limits
        worker.cgroup = WorkerCgroup.create(launch.pluginId() + "-" + process.pid(),
                (launch.heapMb() * 2L + 256) << 20).orElse(null);
        if (worker.cgroup != null) {
            worker.cgroup.add(process.toHandle());
        }
        worker.startThreads();
        try {
            worker.ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (worker.cgroup != null) {
                worker.cgroup.add(process.toHandle()); // any process forked before the first move
            }
            log.info("{} runs in worker process {} ({}{})", worker.label, process.pid(),
                    launch.confined() ? "bubblewrap" : "unconfined", worker.cgroup != null ? ", cgroup" : "");
            return worker;
        } catch (TimeoutException e) {
            worker.kill("did not load its plugin within " + startTimeout);
            throw new PluginInstallException(worker.label + ": the worker did not load the plugin within "
                    + startTimeout);
        } catch (ExecutionException e) {
            worker.kill("failed to load");
            throw e.getCause() instanceof PluginInstallException p ? p
                    : new PluginInstallException(worker.label + " cannot be loaded: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.kill("interrupted while starting");
            throw new PluginInstallException(worker.label + ": interrupted while its worker started");
        }
    }

    private void startThreads() {
        Thread.ofPlatform().daemon().name("plugin-worker-" + pluginId + "-" + process.pid()).start(this::readFrames);
        Thread.ofPlatform().daemon().name("plugin-worker-" + pluginId + "-" + process.pid() + "-stderr")
                .start(this::readStderr);
    }

    /** The worker's {@code ready} frame: the plugin id, its generators and its checks. */
    Map<String, Object> description() {
        return ready.join();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean alive() {
        return !dead.get();
    }

    /** Whether the worker's tree runs in a control group with memory and process limits. */
    boolean limitedByCgroup() {
        return cgroup != null;
    }

    @Nullable String deathCause() {
        return deathCause;
    }

    // ------------------------------------------------------------------------------------------------- calling

    /**
     * Sends one call and waits for its answer, passing streamed pieces and progress to {@code context}. When the
     * context says the call is cancelled (by the caller or its deadline), the worker gets a cancel frame; a worker
     * that has not answered {@code grace} later is killed.
     *
     * @return the result frame
     * @throws PluginCallException when the worker died during the call
     */
    Map<String, Object> call(String type, Map<String, Object> fields, PluginContext context, Duration grace) {
        long id = ids.incrementAndGet();
        Pending call = new Pending(context, new CompletableFuture<>(), new ConcurrentHashMap<>());
        pending.put(id, call);
        if (dead.get()) {
            pending.remove(id);
            throw died();
        }
        Map<String, Object> frame = FrameChannel.frame(type, id);
        frame.putAll(fields);
        try {
            channel.send(frame);
        } catch (FrameException e) {
            pending.remove(id);
            throw new PluginCallException(pluginId, label + ": the call cannot be sent: " + e.getMessage(), e);
        } catch (IOException e) {
            die("stopped reading its input (" + e.getMessage() + ")");
        }
        long killAt = Long.MAX_VALUE;
        try {
            while (true) {
                try {
                    return unwrap(call.done.get(20, TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    if (killAt == Long.MAX_VALUE && context.isCancelled()) {
                        cancel(id);
                        killAt = System.nanoTime() + grace.toNanos();
                    } else if (System.nanoTime() > killAt) {
                        kill("did not stop a cancelled call within " + grace);
                    }
                }
            }
        } catch (InterruptedException e) {
            // the host abandoned the call (deadline or shutdown): ask the plugin to stop, kill it if it does not
            cancel(id);
            Thread.ofVirtual().start(() -> killIfStillRunning(id, grace));
            Thread.currentThread().interrupt();
            throw new GenerationCancelledException(label + ": the call was abandoned");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new PluginCallException(pluginId, label + " failed: "
                    + e.getCause(), e.getCause());
        } finally {
            if (call.done.isDone()) {
                pending.remove(id);
            }
            call.leases.clear(); // the host context closes the leases themselves when the call ends
        }
    }

    /**
     * Asks the worker how it is ({@code health} frame): {@code ok}, calls in flight, heap in use.
     *
     * @throws PluginCallException when it does not answer within {@code timeout} (it is then killed) or is dead
     */
    Map<String, Object> health(Duration timeout) {
        Map<String, Object> answer = call(Protocol.HEALTH, Map.of(), new IdleContext(Instant.now().plus(timeout)),
                Duration.ofMillis(100));
        Map<String, Object> health = new java.util.LinkedHashMap<>(answer);
        health.keySet().removeAll(List.of("v", "type", "id"));
        health.put("pid", process.pid());
        return health;
    }

    /** The context of a call the host makes on its own behalf (health): no services, only a deadline. */
    private record IdleContext(Instant deadline) implements PluginContext {
        @Override
        public ModelLease leaseModel(io.hallmark.api.ModelRequirement model) {
            throw new PermissionDeniedException("A health check leases no models");
        }

        @Override
        public void progress(double fraction, String message) {}

        @Override
        public boolean isCancelled() {
            return Instant.now().isAfter(deadline);
        }

        @Override
        public Logger logger() {
            return log;
        }

        @Override
        public Map<String, String> config() {
            return Map.of();
        }
    }

    private void killIfStillRunning(long id, Duration grace) {
        try {
            Thread.sleep(grace.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        Pending call = pending.get(id);
        if (call != null && !call.done.isDone()) {
            kill("did not stop an abandoned call within " + grace + " of its cancel frame");
        }
        pending.remove(id);
    }

    private void cancel(long id) {
        try {
            channel.send(FrameChannel.frame(Protocol.CANCEL, id));
        } catch (IOException e) {
            log.debug("{}: cannot send cancel: {}", label, e.getMessage());
        }
    }

    private static Map<String, Object> unwrap(Map<String, Object> frame) {
        if (!Protocol.ERROR.equals(frame.get("type"))) {
            return frame;
        }
        Map<String, Object> error = Codec.map(frame.get("error"));
        String message = String.valueOf(error.get("message"));
        String exception = String.valueOf(error.get("exception"));
        throw switch (String.valueOf(error.get("kind"))) {
            case "cancelled" -> new GenerationCancelledException(message);
            case "invalid" -> new InvalidRequestException(message);
            case "denied" -> new PermissionDeniedException(message);
            case "failed" -> new GenerationFailedException(message, Boolean.TRUE.equals(error.get("retriable")), null);
            default -> new RemotePluginException(exception, message);
        };
    }

    private PluginCallException died() {
        return new PluginCallException(pluginId, label + "'s worker " + deathCause, null);
    }

    // ----------------------------------------------------------------------------------------------- reading

    private void readFrames() {
        try {
            while (true) {
                Map<String, Object> frame = channel.receive();
                if (frame == null) {
                    die(exitCause());
                    return;
                }
                handle(frame);
            }
        } catch (FrameException e) {
            String stray = (new String(e.header(), StandardCharsets.UTF_8) + channel.readStray(512, 200)).strip();
            if (stray.contains("OutOfMemoryError")) { // the JVM reports -XX:+ExitOnOutOfMemoryError on stdout
                die("ran out of memory (" + stray.lines().findFirst().orElse(stray) + ")");
            } else {
                die("wrote a malformed frame to the protocol (" + e.getMessage() + (stray.isEmpty() ? ""
                        : "; it wrote: '" + shorten(stray.replaceAll("\\p{Cntrl}", " ")) + "'") + ")");
            }
        } catch (IOException e) {
            die(stopping ? "was stopped" : exitCause());
        } catch (RuntimeException e) {
            die("sent a frame the host cannot read (" + e + ")");
        }
    }

    private void handle(Map<String, Object> frame) {
        String type = (String) frame.get("type");
        long id = frame.get("id") instanceof Number n ? n.longValue() : 0;
        switch (type) {
            case Protocol.READY -> ready.complete(frame);
            case Protocol.FAILED -> {
                String message = String.valueOf(frame.get("message"));
                ready.completeExceptionally(new PluginInstallException(message.startsWith("Plugin '") ? message
                        : label + " cannot be loaded: " + message));
            }
            case Protocol.RESULT, Protocol.ERROR -> {
                Pending call = pending.remove(id);
                if (call != null) {
                    call.done.complete(frame);
                }
            }
            case Protocol.STREAM -> {
                Pending call = pending.get(id);
                if (call != null && call.context instanceof GeneratorContext g) {
                    g.stream(String.valueOf(frame.get("piece")));
                }
            }
            case Protocol.PROGRESS -> {
                Pending call = pending.get(id);
                if (call != null && frame.get("fraction") instanceof Number f) {
                    call.context.progress(f.doubleValue(), String.valueOf(frame.get("message")));
                }
            }
            case Protocol.LOG -> logFromPlugin(String.valueOf(frame.get("level")), String.valueOf(frame.get("message")));
            case Protocol.HOST_CALL -> Thread.ofVirtual().name("plugin-host-call-" + pluginId)
                    .start(() -> hostCall(id, frame));
            default -> throw new IllegalArgumentException("unknown frame type '" + type + "'");
        }
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    private void logFromPlugin(String level, String message) {
        switch (level) {
            case "ERROR" -> pluginLog.error("{}", message);
            case "WARN" -> pluginLog.warn("{}", message);
            default -> pluginLog.info("{}", message);
        }
    }

    /** Answers a call back from the worker, on behalf of the plugin call it belongs to. */
    private void hostCall(long id, Map<String, Object> frame) {
        Map<String, Object> reply = FrameChannel.frame(Protocol.REPLY, id);
        try {
            long callId = ((Number) frame.get("call")).longValue();
            Pending call = pending.get(callId);
            if (call == null && Protocol.OP_RELEASE_MODEL.equals(frame.get("op"))) {
                return; // a lease returned as its call ended: the host context closed it already
            }
            if (call == null) {
                throw new GenerationCancelledException("The call " + callId + " has ended");
            }
            Map<String, Object> result = services.answer(call.context, call.leases, frame);
            if (result != null) {
                reply.put("result", result);
            }
        } catch (RuntimeException | LinkageError e) { // the plugin's call must get an answer, whatever broke here
            log.warn("{}: host operation {} failed: {}", label, frame.get("op"), e.toString());
            reply.put("error", Codec.error(e));
        }
        if (id != 0) {
            try {
                channel.send(reply);
            } catch (IOException e) {
                log.debug("{}: cannot answer a host call: {}", label, e.getMessage());
            }
        }
    }

    private void readStderr() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String shown = line.length() > 2_000 ? line.substring(0, 2_000) + "..." : line;
                synchronized (stderrTail) {
                    stderrTail.addLast(shown);
                    if (stderrTail.size() > 20) {
                        stderrTail.removeFirst();
                    }
                }
                pluginLog.info("[worker {}] {}", process.pid(), shown);
            }
        } catch (IOException e) {
            // the worker is gone
        }
    }

    private String exitCause() {
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                return "closed its output but kept running";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code = process.isAlive() ? -1 : process.exitValue();
        String tail = lastStderr();
        if (tail.contains("OutOfMemoryError")) {
            return "ran out of memory (exit code " + code + "): " + tail;
        }
        if (code > 128) {
            return "was killed by signal " + (code - 128) + (code - 128 == 24 ? " (its CPU-time limit)" : "")
                    + (tail.isEmpty() ? "" : "; last output: " + tail);
        }
        return "exited with code " + code + " (System.exit, Runtime.halt or a crash in the plugin)"
                + (tail.isEmpty() ? "" : "; last output: " + tail);
    }

    private String lastStderr() {
        try {
            Thread.sleep(50); // let the stderr reader catch the last lines
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderrTail) {
            return stderrTail.stream().filter(l -> !l.startsWith("SLF4J")).reduce((a, b) -> b).orElse("");
        }
    }

    // --------------------------------------------------------------------------------------------- ending

    /** Kills the worker and reports why. */
    void kill(String why) {
        die(why);
    }

    private void die(String cause) {
        if (!dead.compareAndSet(false, true)) {
            return;
        }
        deathCause = stopping ? "was stopped" : cause;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        WorkerCgroup group = cgroup;
        if (group != null) {
            process.onExit().thenRun(group::close);
        }
        PluginInstallException loadFailure = new PluginInstallException(label + "'s worker " + deathCause
                + " while loading the plugin");
        ready.completeExceptionally(loadFailure);
        PluginCallException failure = died();
        pending.values().forEach(p -> p.done.completeExceptionally(failure));
        if (!stopping) {
            log.warn("{}: worker process {} {}", label, process.pid(), deathCause);
            onDeath.accept(this);
        }
    }

    /** Asks the worker to stop its plugin and exit; kills it if it has not after a few seconds. */
    void shutdown() {
        stopping = true;
        try {
            channel.send(FrameChannel.frame(Protocol.SHUTDOWN, 0));
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                log.warn("{}: worker {} did not stop within 3 s; killing it", label, process.pid());
            }
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        die("was stopped");
    }

    @Override
    public String toString() {
        return label + " worker " + process.pid() + (dead.get() ? " (" + deathCause + ")" : "");
    }

}
