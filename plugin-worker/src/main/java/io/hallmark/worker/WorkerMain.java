package io.hallmark.worker;

import io.hallmark.api.CheckInput;
import io.hallmark.api.CheckResult;
import io.hallmark.api.ClaimVerifier;
import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.GovernanceCheck;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The worker process: {@code java -cp <worker, SDK, PF4J, Jackson> io.hallmark.worker.WorkerMain <archive>
 * <host-version>}. Loads the plugin, answers {@code ready} (or {@code failed} with the cause, then exits 2), and serves
 * the host's frames on stdin/stdout until {@code shutdown} or the end of stdin. {@link System#out} is redirected to
 * stderr, so stdout carries only protocol frames; stderr goes to the host's log.
 */
public final class WorkerMain {

    /** Artifacts larger than this travel as a file in the work folder, not inside the result frame. */
    static final int INLINE_ARTIFACT_BYTES = 4 * 1024 * 1024;

    private final HostLink host;
    private final String pluginId;
    private final List<ContentGenerator> generators;
    private final List<GeneratorInfo> infos;
    private final Map<String, GovernanceCheck> checks;
    private final Map<Long, WorkerContext> running = new ConcurrentHashMap<>();
    private final FrameLogger logger;

    private WorkerMain(HostLink host, String pluginId, List<ContentGenerator> generators, List<GeneratorInfo> infos,
            Map<String, GovernanceCheck> checks) {
        this.host = host;
        this.pluginId = pluginId;
        this.generators = generators;
        this.infos = infos;
        this.checks = checks;
        this.logger = new FrameLogger("plugin." + pluginId, host.channel());
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocolOut = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        System.setOut(System.err); // a plugin's println must never corrupt the protocol
        FrameChannel channel = new FrameChannel(new FileInputStream(FileDescriptor.in), protocolOut);
        HostLink host = new HostLink(channel);
        if (args.length != 2) {
            fail(host, "usage: WorkerMain <plugin archive> <host version>");
            return;
        }
        WorkerMain worker;
        WorkerPluginManager manager = new WorkerPluginManager(Path.of(args[0]), args[1]);
        try {
            worker = load(host, manager, Path.of(args[0]));
        } catch (RuntimeException | LinkageError e) {
            fail(host, describe(e));
            return;
        }
        worker.serve();
        try {
            manager.stopPlugin(worker.pluginId); // one plugin, never stopPlugins() (pf4j #656)
        } catch (RuntimeException | LinkageError e) {
            System.err.println("The plugin did not stop cleanly: " + describe(e));
        }
        System.exit(0);
    }

    private static void fail(HostLink host, String message) {
        Map<String, Object> frame = FrameChannel.frame(Protocol.FAILED, 0);
        frame.put("message", message);
        try {
            host.send(frame);
        } finally {
            System.exit(2);
        }
    }

    private static WorkerMain load(HostLink host, WorkerPluginManager manager, Path archive) {
        String id = manager.loadPlugin(archive);
        PluginState state = manager.startPlugin(id);
        PluginWrapper wrapper = manager.getPlugin(id);
        if (state != PluginState.STARTED) {
            Throwable failure = wrapper.getFailedException();
            throw new IllegalStateException("Plugin '" + id + "' " + wrapper.getDescriptor().getVersion()
                    + " failed to start" + (failure == null ? " (state " + state + ")" : ": " + describe(failure)));
        }
        List<ContentGenerator> generators = new ArrayList<>(manager.getExtensions(ContentGenerator.class, id));
        List<GeneratorInfo> infos = new ArrayList<>();
        for (ContentGenerator generator : generators) {
            GeneratorInfo info = generator.info();
            if (info == null) {
                throw new IllegalStateException("Plugin '" + id + "': generator " + generator.getClass().getName()
                        + " returned no info()");
            }
            infos.add(info);
        }
        Map<String, GovernanceCheck> checks = new LinkedHashMap<>();
        for (GovernanceCheck check : manager.getExtensions(GovernanceCheck.class, id)) {
            checks.put(check.name(), check);
        }
        WorkerMain worker = new WorkerMain(host, id, generators, infos, checks);
        Map<String, Object> ready = worker.description(Protocol.READY, 0);
        ready.put("pid", ProcessHandle.current().pid());
        host.send(ready);
        return worker;
    }

    private Map<String, Object> description(String type, long id) {
        Map<String, Object> frame = FrameChannel.frame(type, id);
        frame.put("plugin", pluginId);
        frame.put("generators", infos.stream().map(Codec::info).toList());
        List<Map<String, Object>> checkList = new ArrayList<>();
        checks.forEach((name, check) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", name);
            c.put("modalities", java.util.Arrays.stream(Modality.values()).filter(check::appliesTo).map(Enum::name)
                    .toList());
            c.put("claimVerifier", check instanceof ClaimVerifier);
            checkList.add(c);
        });
        frame.put("checks", checkList);
        return frame;
    }

    private void serve() throws IOException {
        while (true) {
            Map<String, Object> frame;
            try {
                frame = host.channel().receive();
            } catch (FrameException e) {
                System.err.println("The host sent a malformed frame; stopping: " + e.getMessage());
                return;
            }
            if (frame == null) {
                return; // the host closed stdin: it is gone or wants us gone
            }
            String type = (String) frame.get("type");
            long id = frame.get("id") instanceof Number n ? n.longValue() : 0;
            switch (type) {
                case Protocol.GENERATE -> Thread.ofVirtual().name("call-" + id).start(() -> generate(id, frame));
                case Protocol.CHECK -> Thread.ofVirtual().name("call-" + id).start(() -> check(id, frame));
                case Protocol.VALIDATE -> answer(id, () -> Map.of("parameters", generator(frame).info()
                        .validate(Codec.map(frame.get("parameters")))));
                case Protocol.DESCRIBE -> host.send(description(Protocol.RESULT, id));
                case Protocol.HEALTH -> answer(id, () -> Map.of("ok", true, "inFlight", running.size(),
                        "heapUsed", Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
                case Protocol.CANCEL -> {
                    WorkerContext context = running.get(id);
                    if (context != null) {
                        context.cancel();
                    }
                }
                case Protocol.REPLY -> host.replied(frame);
                case Protocol.SHUTDOWN -> {
                    return;
                }
                default -> {
                    Map<String, Object> error = FrameChannel.frame(Protocol.ERROR, id);
                    error.put("error", Map.of("exception", "UnsupportedOperation", "kind", "invalid", "message",
                            "Unknown frame type '" + type + "'", "retriable", false));
                    host.send(error);
                }
            }
        }
    }

    private ContentGenerator generator(Map<String, Object> frame) {
        Modality modality = Modality.valueOf(String.valueOf(frame.get("modality")));
        for (int i = 0; i < generators.size(); i++) {
            if (infos.get(i).modality() == modality) {
                return generators.get(i);
            }
        }
        throw new InvalidRequestException("Plugin '" + pluginId + "' generates "
                + infos.stream().map(GeneratorInfo::modality).toList() + ", not " + modality);
    }

    private WorkerContext context(long id, Map<String, Object> frame) {
        Instant deadline = Instant.ofEpochMilli(((Number) frame.get("deadline")).longValue());
        Map<String, String> config = new TreeMap<>();
        Codec.map(frame.get("config")).forEach((k, v) -> config.put(k, String.valueOf(v)));
        WorkerContext context = new WorkerContext(id, host, deadline, config, logger);
        running.put(id, context);
        return context;
    }

    private void generate(long id, Map<String, Object> frame) {
        answer(id, () -> {
            GenerationRequest request = Codec.request(Codec.map(frame.get("request")));
            ContentGenerator generator = generator(Codec.map(frame.get("request")));
            GeneratorInfo info = generator.info();
            GenerationRequest validated = request.withParameters(info.validate(request.parameters()));
            GeneratedContent content = generator.generate(validated, context(id, frame));
            if (content == null) {
                return Map.of("content", "none");
            }
            String file = null;
            if (content.artifact() != null && content.artifact().length > INLINE_ARTIFACT_BYTES) {
                Path out = Files.createDirectories(Path.of("out")).resolve("artifact-" + id + ".bin");
                Files.write(out, content.artifact());
                file = "out/" + out.getFileName();
            }
            return Map.of("content", Codec.content(content, file));
        });
    }

    private void check(long id, Map<String, Object> frame) {
        answer(id, () -> {
            String name = String.valueOf(frame.get("check"));
            GovernanceCheck check = checks.get(name);
            if (check == null) {
                throw new InvalidRequestException("Plugin '" + pluginId + "' has no check named '" + name + "'");
            }
            CheckInput input = Codec.checkInput(Codec.map(frame.get("input")));
            CheckResult result = check.check(input, context(id, frame));
            return result == null ? Map.of("result", "none") : Map.of("result", Codec.checkResult(result));
        });
    }

    /** Runs one request and sends its result, or the error it raised, under the request's id. */
    private void answer(long id, Work work) {
        Map<String, Object> frame;
        try {
            Map<String, Object> result = work.run();
            frame = FrameChannel.frame(Protocol.RESULT, id);
            frame.putAll(result);
        } catch (Throwable e) { // a plugin's error of any kind is reported, never fatal to the worker's loop
            if (e instanceof VirtualMachineError vme && !(e instanceof StackOverflowError)) {
                throw vme;
            }
            frame = FrameChannel.frame(Protocol.ERROR, id);
            frame.put("error", Codec.error(e));
        } finally {
            running.remove(id);
        }
        try {
            host.send(frame);
        } catch (RuntimeException e) {
            Map<String, Object> error = FrameChannel.frame(Protocol.ERROR, id);
            error.put("error", Codec.error(new IllegalStateException("The plugin's answer cannot be sent: "
                    + e.getMessage())));
            host.send(error);
        }
    }

    @FunctionalInterface
    private interface Work {
        Map<String, Object> run() throws Exception;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
