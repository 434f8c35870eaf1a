package io.hallmark.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.HallmarkException;
import io.hallmark.api.Modality;
import io.hallmark.core.Platform;
import io.hallmark.core.data.DataDirectoryInUseException;
import io.hallmark.core.jobs.GenerationService;
import io.hallmark.core.jobs.JobEvent;
import io.hallmark.core.jobs.JobView;
import io.hallmark.core.security.LocalCliToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hallmark generate}: governed generation from the command line. The request becomes a durable job that
 * passes the governance stage and the policy in force like any other; tokens stream to the terminal as the
 * generator produces them, then the content id, its status and the decision. Images and videos show a progress bar
 * instead; {@code --out FILE} writes approved content to a file marked with its signed provenance (embedded in PNG
 * and MP4, and a sidecar). On a data directory a server holds, the job goes through the server's API.
 * {@code --batch FILE} submits a JSON Lines file of requests.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate content under governance: streams the output, then the content id, status and decision.")
final class GenerateCommand implements Callable<Integer> {

    private static final String ACTOR = "cli:" + System.getProperty("user.name", "local");
    private static final Set<String> FINAL = Set.of("DONE", "WAITING_REVIEW", "FAILED", "CANCELLED", "DEAD");

    @Mixin
    PlatformOptions platform;

    @Option(names = "--modality", defaultValue = "text", description = "text, code, image or video (default ${DEFAULT-VALUE}).")
    String modality;

    @Option(names = "--prompt", description = "The prompt.")
    String prompt;

    @Option(names = "--max-tokens", description = "The most tokens to generate.")
    Integer maxTokens;

    @Option(names = "--words", description = "A target length; from the planner's minWords (400 by default) the "
            + "text is outlined and written section by section.")
    Integer words;

    @Option(names = "--sections", description = "Write the text in this many planned sections.")
    Integer sections;

    @Option(names = "--temperature", description = "0 for greedy decoding; higher is more random.")
    Double temperature;

    @Option(names = "--seed", description = "Random seed, for reproducible output.")
    Long seed;

    @Option(names = "--steps", description = "Denoising steps (diffusion image models).")
    Integer steps;

    @Option(names = "--frames", description = "Frames in a video clip.")
    Integer frames;

    @Option(names = "--fps", description = "Frames per second of a video clip.")
    Integer fps;

    @Option(names = "--width", description = "Image or frame width in pixels.")
    Integer width;

    @Option(names = "--height", description = "Image or frame height in pixels.")
    Integer height;

    @Option(names = "--count", description = "Images in one batch (returned as a grid).")
    Integer count;

    @Option(names = "--format", description = "png or jpeg for images, mp4 or gif for video (default: from --out's extension).")
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write approved content to FILE, marked with its signed provenance (and FILE.provenance.json).")
    Path out;

    @Option(names = "--content-type", paramLabel = "TYPE", description = "What the content is meant to be: story, news, "
            + "code, kb-answer or general (default: the pipeline's, else general); policy rules may differ by it.")
    String contentType;

    @Option(names = "--document", paramLabel = "FILE", description = "An untrusted document (UTF-8 text) to send "
            + "beside the prompt, named by its file name; repeatable. It is data: the injection screen reads it and the "
            + "generator gets it marked as data.")
    List<Path> documents = new ArrayList<>();

    @Option(names = "--plugin", paramLabel = "ID", description = "The plugin to use (default: the first that generates the modality).")
    String pluginId;

    @Option(names = "--batch", paramLabel = "FILE",
            description = "A JSON Lines file of requests ({\"prompt\": ..., \"modality\": ..., \"parameters\": {...}, \"seed\": ..., "
                    + "\"contentType\": ...}).")
    Path batch;

    @Option(names = "--json", description = "Print one JSON document instead of streaming.")
    boolean json;

    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Makes the submission safe to retry: the "
            + "same key and request give the job the first submission created (nothing new is queued); the same key with "
            + "another request is refused. With --batch, line N uses KEY-N.")
    @Nullable String idempotencyKey;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((prompt == null) == (batch == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give either --prompt or --batch FILE");
        }
        io.hallmark.governance.policy.ContentType declared;
        try {
            declared = contentType == null ? null : io.hallmark.governance.policy.ContentType.parse(contentType);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--content-type: " + e.getMessage());
        }
        List<GenerationService.Submission> submissions = batch != null ? readBatch(batch, declared)
                : List.of(submission(Modality.parse(modality), prompt, pluginId, parameters(), seed, declared)
                        .withDocuments(readDocuments()));
        try (Platform p = Platform.start(platform.load(), "command")) {
            p.startWorkers(1, "cli-" + ProcessHandle.current().pid());
            return run(new Local(p), submissions);
        } catch (DataDirectoryInUseException e) {
            String url = e.owner().map(o -> o.httpUrl()).orElseThrow(() -> e);
            List<String> refused = platform.localOnlyFlags();
            if (!refused.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), PlatformAccess.flagsDoNotApply(refused,
                        url));
            }
            return run(new Remote(url, LocalCliToken.read(platform.load().dataDir()).orElse(null), platform.load().dataDir()),
                    submissions);
        }
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (maxTokens != null) {
            p.put("maxTokens", maxTokens);
        }
        if (words != null) {
            p.put("words", words);
        }
        if (sections != null) {
            p.put("sections", sections);
        }
        if (temperature != null) {
            p.put("temperature", temperature);
        }
        putIfSet(p, "steps", steps);
        putIfSet(p, "frames", frames);
        putIfSet(p, "fps", fps);
        putIfSet(p, "width", width);
        putIfSet(p, "height", height);
        putIfSet(p, "count", count);
        String f = format != null ? format : out == null ? null : formatOf(out);
        if (f != null && (Modality.parse(modality) == Modality.IMAGE || Modality.parse(modality) == Modality.VIDEO)) {
            p.put("format", f);
        }
        return p;
    }

    private static void putIfSet(Map<String, Object> parameters, String name, Integer value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    /** The format parameter an output file's extension asks for, or null to keep the generator's default. */
    private static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "jpeg";
        }
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".gif")) {
            return "gif";
        }
        if (name.endsWith(".mp4")) {
            return "mp4";
        }
        return null;
    }

    /** The {@code --document} files as documents, named by their file names. */
    private List<io.hallmark.api.InputDocument> readDocuments() throws IOException {
        List<io.hallmark.api.InputDocument> out = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Path file = documents.get(i);
            out.add(io.hallmark.api.InputDocument.of(i, file.getFileName().toString(),
                    java.nio.file.Files.readString(file, StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static GenerationService.Submission submission(Modality m, String text, String plugin,
            Map<String, Object> parameters, Long seed, io.hallmark.governance.policy.ContentType contentType) {
        return new GenerationService.Submission(m, text, plugin, parameters, seed, "default", 0, null, contentType);
    }

    private List<GenerationService.Submission> readBatch(Path file, io.hallmark.governance.policy.ContentType declared)
            throws IOException {
        List<GenerationService.Submission> list = new ArrayList<>();
        List<String> lines = TextFiles.read(file, "batch file").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode row = JsonOutput.mapper().readTree(lines.get(i));
                Map<String, Object> params = row.has("parameters") ? JsonOutput.mapper().convertValue(row.get("parameters"),
                        JsonOutput.mapper().getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class))
                        : Map.of();
                list.add(submission(Modality.parse(row.path("modality").asText(modality)), row.path("prompt").asText(),
                        row.hasNonNull("plugin") ? row.get("plugin").asText() : pluginId, params,
                        row.hasNonNull("seed") ? row.get("seed").asLong() : null,
                        row.hasNonNull("contentType")
                                ? io.hallmark.governance.policy.ContentType.parse(row.get("contentType").asText())
                                : declared));
            } catch (IOException | RuntimeException e) {
                throw new HallmarkException(file + " line " + (i + 1) + " is not a valid request: " + e.getMessage());
            }
        }
        if (list.isEmpty()) {
            throw new HallmarkException(file + " holds no requests");
        }
        return list;
    }

    /** Where jobs go: this process's platform or a running server. */
    private interface Target {
        /** Queues {@code s}, or finds the job an earlier submission with the same idempotency key queued. */
        UUID submit(GenerationService.Submission s, @Nullable String idempotencyKey);

        /** Follows the job's events until it finishes, calling {@code onEvent(type, data)}. */
        void follow(UUID job, java.util.function.BiConsumer<String, JsonNode> onEvent) throws Exception;

        JsonNode view(UUID job);

        /** The content's bytes: the stored artifact, or the text. */
        byte[] body(JsonNode view);

        /** The platform key that signs provenance manifests. */
        io.hallmark.core.audit.Signer key();
    }

    private int run(Target target, List<GenerationService.Submission> submissions) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (submissions.size() == 1) {
            GenerationService.Submission submission = submissions.getFirst();
            UUID job = target.submit(submission, idempotencyKey);
            Map<String, Object> generated = new LinkedHashMap<>();
            boolean[] textOpen = {false};
            try (JobProgress progress = new JobProgress(new ProgressBar(err))) {
                target.follow(job, (type, data) -> {
                    progress.on(type, data);
                    if (type.equals("output") && !json) {
                        progress.beforeText();
                        String text = data.path("text").asText();
                        out.print(text);
                        out.flush();
                        textOpen[0] = !text.endsWith("\n") && (textOpen[0] || !text.isEmpty());
                        progress.midLine(textOpen[0]);
                    } else if (type.equals("generated")) {
                        generated.putAll(JsonOutput.mapper().convertValue(data, Map.class));
                        if (textOpen[0]) { // the text is complete: end its line, so the wait for the checks shows
                            out.println();
                            out.flush();
                            textOpen[0] = false;
                            progress.midLine(false);
                        }
                    }
                });
            }
            JsonNode view = target.view(job);
            Map<String, Object> result = summary(view);
            result.putAll(generated);
            if (this.out != null) {
                if ("APPROVED".equals(result.get("status"))) {
                    result.put("provenance", ArtifactOutput.write(this.out, view, target.body(view),
                            submission.parameters(), target.key()));
                    result.put("out", this.out.toAbsolutePath().toString());
                } else {
                    result.put("out", null);
                    err.printf("Not written to %s: the content is %s, not approved%n", this.out, result.get("status"));
                }
            }
            if (json) {
                result.put("text", view.path("content").path("text").asText(null));
                result.put("mediaType", view.path("content").path("mediaType").asText(null));
                JsonOutput.print(out, result);
            } else {
                if (textOpen[0]) {
                    out.println();
                }
                out.println();
                out.println(outcomeLine(result));
                if (result.get("error") instanceof String reason) {
                    out.println("failed: " + reason);
                    out.println("remedy: " + FailureAdvice.remedy(reason));
                }
                if (result.get("notChecked") instanceof Map<?, ?> notChecked) {
                    notChecked.forEach((check, why) -> out.printf("not checked: %s: %s%n", check, why));
                }
                if (result.get("out") != null) {
                    out.printf("wrote %s (%s; provenance %s)%n", result.get("out"),
                            view.path("content").path("mediaType").asText(), result.get("provenance"));
                }
                out.flush();
            }
            return "FAILED".equals(result.get("status")) || "DEAD".equals(result.get("jobState")) ? 1 : 0;
        }
        List<UUID> jobs = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            jobs.add(target.submit(submissions.get(i), idempotencyKey == null ? null : idempotencyKey + "-" + (i + 1)));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            target.follow(jobs.get(i), (type, data) -> { });
            results.add(summary(target.view(jobs.get(i))));
            err.printf("\rgenerate: %d/%d done", i + 1, jobs.size());
            err.flush();
        }
        err.println();
        if (json) {
            JsonOutput.print(out, Map.of("items", results));
        } else {
            results.forEach(r -> {
                out.println(outcomeLine(r));
                if (r.get("error") instanceof String reason) {
                    out.println("  failed: " + reason + "; remedy: " + FailureAdvice.remedy(reason));
                }
            });
        }
        return 0;
    }

    /** One line with what is known of the outcome, e.g. {@code content 3f2... status APPROVED decision APPROVE}. */
    static String outcomeLine(Map<String, Object> result) {
        StringBuilder line = new StringBuilder();
        for (String key : List.of("contentId", "status", "decision", "rule", "model", "seed")) {
            Object value = result.get(key);
            if (value == null || value.toString().isEmpty()) {
                continue;
            }
            String label = key.equals("contentId") ? "content" : key;
            if (key.equals("rule")) {
                line.append(" (rule ").append(value).append(')');
            } else {
                line.append(line.isEmpty() ? "" : "  ").append(label).append(' ').append(value);
            }
        }
        return line.toString();
    }

    private static Map<String, Object> summary(JsonNode view) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("jobId", view.path("job").path("id").asText());
        r.put("jobState", view.path("job").path("state").asText());
        r.put("contentId", view.path("content").path("id").asText());
        r.put("status", view.path("content").path("status").asText());
        r.put("decision", view.path("report").path("decision").path("action").asText(null));
        r.put("rule", view.path("report").path("decision").path("rule").asText(null));
        r.put("plugin", view.path("content").path("plugin").asText(null));
        r.put("model", view.path("content").path("model").asText(null));
        r.put("modelSha256", view.path("content").path("modelSha256").asText(null));
        r.put("seed", view.path("content").path("seed").isNumber() ? view.path("content").path("seed").asLong() : null);
        if (view.path("report").path("unavailable").isObject()) {
            Map<String, String> notChecked = new LinkedHashMap<>();
            view.path("report").path("unavailable").properties().forEach(e -> notChecked.put(e.getKey(),
                    e.getValue().asText()));
            r.put("notChecked", notChecked);
        }
        if (view.path("job").hasNonNull("error")) {
            r.put("error", view.path("job").path("error").asText());
        }
        return r;
    }

    private record Local(Platform platform) implements Target {
        @Override
        public UUID submit(GenerationService.Submission s, @Nullable String idempotencyKey) {
            return platform.generations().submit(s, ACTOR, idempotencyKey).job().id();
        }

        @Override
        public void follow(UUID job, java.util.function.BiConsumer<String, JsonNode> onEvent) throws Exception {
            int after = 0;
            while (true) {
                for (JobEvent e : platform.jobs().events(job, after)) {
                    onEvent.accept(e.type(), JsonOutput.mapper().valueToTree(e.data()));
                    after = e.seq();
                }
                if (FINAL.contains(platform.jobs().get(job).state())
                        && platform.jobs().events(job, after).isEmpty()) {
                    return;
                }
                Thread.sleep(25);
            }
        }

        @Override
        public JsonNode view(UUID job) {
            return JsonOutput.mapper().valueToTree(platform.generations().view(job));
        }

        @Override
        public byte[] body(JsonNode view) {
            String sha = view.path("content").path("artifactSha256").asText(null);
            if (sha == null) {
                return ArtifactOutput.text(view.path("content").path("text").asText(""));
            }
            try (java.io.InputStream in = platform.blobs().open(sha).orElseThrow(() -> new HallmarkException(
                    "The artifact " + sha + " is missing from the blob store"))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new HallmarkException("Cannot read the artifact " + sha + ": " + e.getMessage(), e);
            }
        }

        @Override
        public io.hallmark.core.audit.Signer key() {
            return platform.audit().signer(); // the key file, or the key in an HSM
        }
    }

    private record Remote(String url, String token, Path dataDir) implements Target {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(30));
            return token == null ? b : b.header("Authorization", "Bearer " + token);
        }

        @Override
        public UUID submit(GenerationService.Submission s, @Nullable String idempotencyKey) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("modality", s.modality().name());
            body.put("prompt", s.prompt());
            body.put("parameters", s.parameters());
            if (s.pluginId() != null) {
                body.put("plugin", s.pluginId());
            }
            if (s.seed() != null) {
                body.put("seed", s.seed());
            }
            if (s.contentType() != null) {
                body.put("contentType", s.contentType().id());
            }
            if (!s.documents().isEmpty()) {
                body.put("documents", s.documents().stream().map(d -> Map.of("name", d.name(), "text", d.text()))
                        .toList());
            }
            JsonNode job = new PlatformAccess.Server(url, token).post("/api/v1/generations",
                    HttpRequest.BodyPublishers.ofString(JsonOutput.mapper().valueToTree(body).toString()),
                    "application/json", idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
            return UUID.fromString(job.path("id").asText());
        }

        @Override
        public void follow(UUID job, java.util.function.BiConsumer<String, JsonNode> onEvent) throws Exception {
            HttpResponse<java.io.InputStream> sse = HTTP.send(request("/api/v1/generations/" + job + "/events")
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
                String type = null;
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        type = line.substring(6).trim();
                    } else if (line.startsWith("data:") && type != null) {
                        onEvent.accept(type, JsonOutput.mapper().readTree(line.substring(5)).path("data"));
                    }
                }
            }
        }

        @Override
        public JsonNode view(UUID job) {
            return new PlatformAccess.Server(url, token).get("/api/v1/generations/" + job);
        }

        @Override
        public byte[] body(JsonNode view) {
            return new PlatformAccess.Server(url, token).bytes("/api/v1/content/" + view.path("content").path("id").asText()
                    + "/artifact");
        }

        @Override
        public io.hallmark.core.audit.PlatformKey key() {
            return io.hallmark.core.audit.PlatformKey.loadOrCreate(dataDir.resolve("keys"));
        }
    }
}
