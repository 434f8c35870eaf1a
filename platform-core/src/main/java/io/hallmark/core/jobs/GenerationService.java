package io.hallmark.core.jobs;

import io.hallmark.api.GenerationRequest;
import io.hallmark.api.InputDocument;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.audit.CanonicalJson;
import io.hallmark.core.audit.DatabaseAuditLog;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.core.plugin.GeneratorView;
import io.hallmark.core.plugin.PluginHost;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Generation as clients ask for it: a request is checked against the chosen generator at once (so bad parameters
 * fail before queueing), queued as a durable job, and later read back with its content and governance report.
 */
public final class GenerationService {

    /**
     * What a client asks for.
     *
     * @param contentType what the content is meant to be, which policy rules may depend on; {@code null}: the
     *     pipeline's declared content type, else {@code general}
     * @param documents untrusted documents sent beside the instruction (the prompt): the injection screen reads them,
     *     the generator gets them marked as data ({@code DataMarking}); checked by {@link InputDocument#checked}
     */
    public record Submission(Modality modality, String prompt, @Nullable String pluginId, Map<String, Object> parameters,
            @Nullable Long seed, String channel, int priority, @Nullable Duration deadline,
            io.hallmark.governance.policy.@Nullable ContentType contentType, List<InputDocument> documents) {

        public Submission {
            documents = InputDocument.checked(documents);
        }

        /** A submission without documents. */
        public Submission(Modality modality, String prompt, @Nullable String pluginId, Map<String, Object> parameters,
                @Nullable Long seed, String channel, int priority, @Nullable Duration deadline,
                io.hallmark.governance.policy.@Nullable ContentType contentType) {
            this(modality, prompt, pluginId, parameters, seed, channel, priority, deadline, contentType, List.of());
        }

        /** The same submission with these documents beside its prompt. */
        public Submission withDocuments(List<InputDocument> newDocuments) {
            return new Submission(modality, prompt, pluginId, parameters, seed, channel, priority, deadline,
                    contentType, newDocuments);
        }

        /** A submission that declares no content type. */
        public Submission(Modality modality, String prompt, @Nullable String pluginId, Map<String, Object> parameters,
                @Nullable Long seed, String channel, int priority, @Nullable Duration deadline) {
            this(modality, prompt, pluginId, parameters, seed, channel, priority, deadline, null);
        }
    }

    private final Database db;
    private final PluginHost plugins;
    private final JobQueue queue;
    private final AuditLog audit;
    private final Runnable nudge;
    private final AgentTrace trace;

    public GenerationService(Database db, PluginHost plugins, JobQueue queue, AuditLog audit, Runnable nudge) {
        this.db = db;
        this.plugins = plugins;
        this.queue = queue;
        this.audit = audit;
        this.nudge = nudge;
        this.trace = new AgentTrace(db);
    }

    /** Validates and queues; returns the queued job. */
    public JobView submit(Submission s, String actor) {
        return submit(s, actor, null).job();
    }

    /**
     * Validates and queues. The job and its {@code generation.requested} audit event commit together or not at all.
     * With an idempotency key, a retry of the same request by the same actor returns the job the first one created
     * (and queues nothing); the same key with a different request is refused.
     *
     * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null}
     * @throws IdempotencyConflictException when the key was used before with a different request
     */
    public Submitted submit(Submission s, String actor, @Nullable String idempotencyKey) {
        io.hallmark.api.input.TextInput.identifier("channel", s.channel(), io.hallmark.api.input.FieldLimits.IDENTIFIER,
                io.hallmark.api.input.FieldLimits.IDENTIFIER_RULE);
        IdempotencyKey key = idempotencyKey == null ? null : new IdempotencyKey(idempotencyKey, requestSha256(s));
        GenerationRequest request = new GenerationRequest(s.modality(), s.prompt(), s.parameters(), s.seed());
        GeneratorView generator = pick(s.modality(), s.pluginId(), s.channel());
        Map<String, Object> generatorParameters = new LinkedHashMap<>(request.parameters());
        Map<String, Object> plan = planParameters(generatorParameters);
        Map<String, Object> parameters = generator.info().validate(generatorParameters);
        var messages = request.withParameters(parameters).messages();
        if (!messages.isEmpty() && !io.hallmark.api.ChatTurn.transcript(messages).equals(s.prompt())) {
            // the screens judge the prompt, so a conversation must be exactly what they read
            throw InvalidRequestException.of("messages", "The 'messages' parameter must be the conversation whose "
                    + "role-tagged transcript is the prompt (ChatTurn.transcript); the screens judge the prompt");
        }
        if (!messages.isEmpty() && !s.documents().isEmpty()) {
            // a chat generator reads the conversation, not the prompt the documents are marked in: they would be lost
            throw InvalidRequestException.of("documents", "Documents cannot be sent with a 'messages' conversation; "
                    + "send the instruction as the prompt and the documents beside it");
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("pluginId", generator.pluginId());
        stored.put("modality", s.modality().name());
        stored.put("prompt", s.prompt());
        stored.put("parameters", parameters);
        if (!plan.isEmpty()) {
            stored.put("plan", plan);
        }
        if (s.seed() != null) {
            stored.put("seed", s.seed());
        }
        stored.put("channel", s.channel());
        if (s.contentType() != null) {
            stored.put("contentType", s.contentType().id());
        }
        if (!s.documents().isEmpty()) {
            stored.put("documents", documentMaps(s.documents()));
        }
        stored.put("actor", actor);
        Submitted submitted = queue.submit(NewJob.builder(generator.pluginId(), s.modality(), s.prompt(), stored)
                .priority(s.priority())
                .deadline(s.deadline() == null ? null : Instant.now().plus(s.deadline()))
                .actor(actor)
                .idempotency(key)
                .inTransaction((c, jobId, itemId) -> {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("job", jobId.toString());
                    event.put("plugin", generator.pluginId() + "@" + generator.pluginVersion());
                    event.put("modality", s.modality().name());
                    event.put("channel", s.channel());
                    if (s.contentType() != null) {
                        event.put("contentType", s.contentType().id());
                    }
                    event.put("promptSha256", sha256(s.prompt())); // the prompt itself stays with the content
                    if (!s.documents().isEmpty()) {
                        event.put("documents", s.documents().stream().map(d -> Map.of("name", d.name(),
                                "sha256", sha256(d.text()))).toList());
                    }
                    event.put("parameters", parameters);
                    if (s.seed() != null) {
                        event.put("seed", s.seed());
                    }
                    audit.appendInTransaction(c, List.of(new DatabaseAuditLog.NewEvent(actor, "generation.requested",
                            itemId.toString(), event)));
                })
                .build());
        if (!submitted.replayed()) {
            nudge.run();
        }
        return submitted;
    }

    /** The SHA-256 of a submission as the client sent it, in canonical JSON: what an idempotency key is bound to. */
    static String requestSha256(Submission s) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("modality", s.modality().name());
        canonical.put("prompt", s.prompt());
        canonical.put("plugin", s.pluginId());
        canonical.put("parameters", s.parameters());
        canonical.put("seed", s.seed());
        canonical.put("channel", s.channel());
        if (s.contentType() != null) {
            canonical.put("contentType", s.contentType().id()); // absent when not declared: older keys still match
        }
        if (!s.documents().isEmpty()) {
            canonical.put("documents", documentMaps(s.documents())); // absent without documents: older keys match
        }
        canonical.put("priority", s.priority());
        canonical.put("deadlineSeconds", s.deadline() == null ? null : s.deadline().toSeconds());
        return sha256(CanonicalJson.string(canonical));
    }

    /** Documents as stored in a job's request: {@code [{name, text}]}. */
    static List<Map<String, Object>> documentMaps(List<InputDocument> documents) {
        return documents.stream().map(d -> Map.<String, Object>of("name", d.name(), "text", d.text())).toList();
    }

    /** The documents of a job's stored request ({@link #documentMaps}); none when it has none. */
    public static List<InputDocument> documents(Map<String, Object> request) {
        if (!(request.get("documents") instanceof List<?> list)) {
            return List.of();
        }
        List<InputDocument> out = new java.util.ArrayList<>(list.size());
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                out.add(new InputDocument(String.valueOf(m.get("name")), String.valueOf(m.get("text"))));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Takes the pipeline's own parameters out of the generator's: {@code words} (a target length; at or above the
     * planner's {@code minWords} the text is planned in sections) and {@code sections} (a count, or a list of titles).
     */
    static Map<String, Object> planParameters(Map<String, Object> parameters) {
        Map<String, Object> plan = new LinkedHashMap<>();
        Object words = parameters.remove("words");
        if (words != null) {
            if (!(words instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 1
                    || n.intValue() > 100_000) {
                throw InvalidRequestException.of("words", "'words' must be a whole number from 1 to 100000, found '"
                        + words + "'");
            }
            plan.put("words", n.intValue());
        }
        Object sections = parameters.remove("sections");
        if (sections != null) {
            boolean count = sections instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && n.intValue() >= 1 && n.intValue() <= 50;
            boolean titles = sections instanceof java.util.List<?> l && !l.isEmpty() && l.size() <= 50
                    && l.stream().allMatch(t -> t instanceof String str && !str.isBlank() && str.length() <= 200);
            if (!count && !titles) {
                throw InvalidRequestException.of("sections", "'sections' must be a count from 1 to 50 or a list of "
                        + "up to 50 section titles, found '" + sections + "'");
            }
            plan.put("sections", count ? ((Number) sections).intValue() : sections);
        }
        return plan;
    }

    private GeneratorView pick(Modality modality, @Nullable String pluginId, String jobChannel) {
        PluginChannel wanted = PluginChannel.forJobChannel(jobChannel);
        var candidates = plugins.generators().stream().filter(g -> g.info().modality() == modality)
                .filter(g -> pluginId == null || g.pluginId().equals(pluginId)).toList();
        var onChannel = candidates.stream().filter(g -> g.channel() == wanted).toList();
        if (onChannel.isEmpty() && !candidates.isEmpty()) {
            throw InvalidRequestException.of("channel", wanted == PluginChannel.SANDBOX
                    ? "Channel '" + jobChannel + "' runs only sandbox plugins; " + candidates.getFirst().pluginId()
                            + " is a production plugin"
                    : "Plugin '" + candidates.getFirst().pluginId() + "' is in the plugin developers' sandbox: submit "
                            + "on channel '" + PluginChannel.SANDBOX_JOB_CHANNEL + "', or have an administrator promote it");
        }
        candidates = onChannel;
        if (candidates.isEmpty()) {
            throw InvalidRequestException.of(pluginId == null ? "modality" : "plugin", pluginId == null
                    ? "No enabled plugin generates " + modality + "; enabled generators: " + plugins.generators().stream()
                            .map(g -> g.pluginId() + " (" + g.info().modality() + ")").toList()
                    : "Plugin '" + pluginId + "' is not enabled or does not generate " + modality);
        }
        return candidates.getFirst();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A job with its content item and governance report, as clients read it. */
    public Map<String, Object> view(UUID jobId) {
        JobView job = queue.get(jobId);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("job", job);
        ContentItem item = db.inTransaction(s -> s.find(ContentItem.class, job.contentItemId()));
        if (item != null) {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("id", item.id());
            content.put("status", item.status());
            content.put("modality", item.modality());
            content.put("text", item.textBody());
            content.put("artifactSha256", item.artifactSha256());
            content.put("mediaType", item.artifactMediaType() != null ? item.artifactMediaType() : "text/plain");
            content.put("plugin", item.pluginId() == null ? null : item.pluginId() + "@" + item.pluginVersion());
            content.put("model", item.modelId());
            content.put("modelSha256", item.modelSha256());
            content.put("seed", item.seed());
            result.put("content", content);
        }
        report(job.contentItemId()).ifPresent(r -> result.put("report", r.report()));
        Map<String, Object> pipeline = trace.pipeline(jobId);
        if (pipeline != null) {
            result.put("pipeline", pipeline);
        }
        result.put("agents", trace.calls(jobId));
        return result;
    }

    /** The policy channel a job was submitted on. */
    public String channel(UUID jobId) {
        Object channel = queue.get(jobId).request().get("channel");
        return channel == null ? "default" : channel.toString();
    }

    private Optional<GovernanceReport> report(UUID itemId) {
        return db.inTransaction(s -> s.createSelectionQuery("from GovernanceReport where contentItemId = :id",
                GovernanceReport.class).setParameter("id", itemId).uniqueResultOptional());
    }

    public JobQueue queue() {
        return queue;
    }
}
