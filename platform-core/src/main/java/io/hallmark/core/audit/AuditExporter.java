package io.hallmark.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallmark.api.HallmarkException;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Writes the auditor's bundle for a time range: events, items, policies, a freshly signed checkpoint with an
 * inclusion proof for every exported event, a consistency proof from the previous checkpoint, the platform's
 * public key, the compliance index, an HTML summary, and {@code bundle.json} (every file's SHA-256) signed in
 * {@code bundle.json.sig}. {@link ExportVerifier} checks it without the database. Each export is recorded as an
 * {@code audit.exported} event.
 */
public final class AuditExporter {

    /** The bundle format name in {@code bundle.json}. */
    public static final String FORMAT = "hallmark-audit-export/1";

    /**
     * What to export.
     *
     * @param from first instant, inclusive
     * @param to last instant, exclusive
     * @param decision keep only events whose payload {@code decision} equals this, and items with this decision
     * @param pluginId keep only events whose payload {@code pluginId} equals this or {@code plugin.*} events with this
     *     subject, and items of this plugin
     * @param consistencyFrom checkpoints the auditor holds (signed notes): the bundle carries a consistency proof from
     *     each to its own checkpoint ({@code consistency-proofs.jsonl})
     */
    public record Request(Instant from, Instant to, @Nullable String decision, @Nullable String pluginId, Path outDir,
            String actor, List<String> consistencyFrom) {
        public Request {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
            }
            consistencyFrom = List.copyOf(consistencyFrom);
        }

        /** A request without checkpoints of the auditor's to prove consistency from. */
        public Request(Instant from, Instant to, @Nullable String decision, @Nullable String pluginId, Path outDir,
                String actor) {
            this(from, to, decision, pluginId, outDir, actor, List.of());
        }
    }

    /** What was written. */
    public record Result(Path dir, long events, long items, long policies, long checkpointNumber, long treeSize,
            String rootHash, String bundleSha256, long auditSeq) {}

    private final DataSource dataSource;
    private final AuditLog log;
    private final Checkpoints checkpoints;
    private final Clock clock;

    AuditExporter(DataSource dataSource, AuditLog log, Checkpoints checkpoints, Clock clock) {
        this.dataSource = dataSource;
        this.log = log;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    public Result export(Request request) {
        Path dir = request.outDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException("Export folder " + dir + " is not empty; choose a new --out");
                }
            }
            Checkpoints.Stored cp = checkpoints.create();
            long size = cp.checkpoint().treeSize();
            Map<String, String> files = new TreeMap<>();
            Signer key = checkpoints.key();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try {
                    MerkleTree tree = MerkleTree.ofFlatLeafHashes(leafHashes(c, size));
                    if (!Arrays.equals(tree.root(), cp.checkpoint().rootHash())) {
                        throw new HallmarkException("The audit events no longer match the checkpoint just signed; "
                                + "run 'hallmark audit verify' before exporting");
                    }
                    Summary summary = new Summary();
                    long events = writeEvents(c, request, size, tree, dir, summary);
                    long items = writeItems(c, request, dir, summary);
                    long policies = writePolicies(c, request, dir);
                    long models = writeModels(c, dir, summary);
                    write(dir, "checkpoint.txt", checkpoints.cosignedNote(cp));
                    write(dir, "platform.vkey", key.verifierKey().encoded() + "\n");
                    writeConsistency(dir, tree, size, cp);
                    writeHeldConsistency(dir, tree, size, request.consistencyFrom());
                    write(dir, "index.json", CanonicalJson.string(ComplianceIndex.build()) + "\n");
                    write(dir, "summary.html", summary.html(request, cp, events, items, policies));
                    try (Stream<Path> s = Files.list(dir)) {
                        for (Path p : s.toList()) {
                            files.put(p.getFileName().toString(), Hashes.sha256Hex(Files.readAllBytes(p)));
                        }
                    }
                    Map<String, Object> bundle = new LinkedHashMap<>();
                    bundle.put("format", FORMAT);
                    bundle.put("createdAt", clock.instant().toString());
                    bundle.put("origin", cp.checkpoint().origin());
                    bundle.put("from", request.from().toString());
                    bundle.put("to", request.to().toString());
                    bundle.put("decision", request.decision());
                    bundle.put("pluginId", request.pluginId());
                    bundle.put("events", events);
                    bundle.put("items", items);
                    bundle.put("policies", policies);
                    bundle.put("models", models);
                    bundle.put("checkpoint", Map.of("number", cp.number(), "treeSize", size,
                            "rootHash", cp.checkpoint().rootHashHex()));
                    bundle.put("publicKey", key.verifierKey().encoded());
                    bundle.put("files", files);
                    byte[] bundleBytes = (CanonicalJson.string(bundle) + "\n").getBytes(StandardCharsets.UTF_8);
                    Files.write(dir.resolve("bundle.json"), bundleBytes);
                    write(dir, "bundle.json.sig", Base64.getEncoder().encodeToString(key.sign(bundleBytes)) + "\n");
                    String bundleSha = Hashes.sha256Hex(bundleBytes);
                    c.rollback();
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("from", request.from().toString());
                    payload.put("to", request.to().toString());
                    payload.put("decision", request.decision());
                    payload.put("pluginId", request.pluginId());
                    payload.put("events", events);
                    payload.put("items", items);
                    payload.put("checkpoint", cp.number());
                    payload.put("treeSize", size);
                    payload.put("rootHash", cp.checkpoint().rootHashHex());
                    payload.put("bundleSha256", bundleSha);
                    long seq = log.append(request.actor(), "audit.exported", dir.getFileName().toString(), payload).seq();
                    return new Result(dir, events, items, policies, cp.number(), size, cp.checkpoint().rootHashHex(),
                            bundleSha, seq);
                } finally {
                    if (!c.getAutoCommit()) {
                        c.rollback();
                    }
                }
            }
        } catch (IOException e) {
            throw new HallmarkException("Cannot write the export to " + dir + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new HallmarkException("Cannot read the audit trail for the export: " + e.getMessage(), e);
        }
    }

    static byte[] leafHashes(Connection c, long size) throws SQLException {
        ByteArrayOutputStream flat = new ByteArrayOutputStream(Math.toIntExact(size * 32));
        try (PreparedStatement ps = c.prepareStatement("select seq, leaf_hash from audit_events where seq <= ? order by seq")) {
            ps.setFetchSize(10_000);
            ps.setLong(1, size);
            long expected = 1;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(1) != expected || rs.getString(2) == null) {
                        throw new HallmarkException("Audit event seq " + expected + " is missing or unhashed; run "
                                + "'hallmark audit verify'");
                    }
                    flat.writeBytes(Hashes.fromHex(rs.getString(2)));
                    expected++;
                }
            }
            if (expected - 1 != size) {
                throw new HallmarkException("The audit log holds " + (expected - 1) + " events, the checkpoint "
                        + size + "; run 'hallmark audit verify'");
            }
        }
        return flat.toByteArray();
    }

    private long writeEvents(Connection c, Request r, long size, MerkleTree tree, Path dir, Summary summary)
            throws SQLException, IOException {
        StringBuilder sql = new StringBuilder("select seq, event_time, actor, event_type, subject, payload::text, "
                + "payload_sha256, leaf_hash, payload_removed_at is not null from audit_events "
                + "where event_time >= ? and event_time < ? and seq <= ?");
        List<Object> params = new ArrayList<>(List.of(r.from().atOffset(ZoneOffset.UTC), r.to().atOffset(ZoneOffset.UTC), size));
        if (r.decision() != null) {
            sql.append(" and payload->>'decision' = ?");
            params.add(r.decision());
        }
        if (r.pluginId() != null) {
            // events about a plugin carry its id in the payload, or (plugin.* events) as their subject
            sql.append(" and (payload->>'pluginId' = ? or (event_type like 'plugin.%' and subject = ?))");
            params.add(r.pluginId());
            params.add(r.pluginId());
        }
        sql.append(" order by seq");
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement(sql.toString());
                BufferedWriter events = Files.newBufferedWriter(dir.resolve("events.jsonl"), StandardCharsets.UTF_8);
                BufferedWriter proofs = Files.newBufferedWriter(dir.resolve("proofs.jsonl"), StandardCharsets.UTF_8)) {
            ps.setFetchSize(5_000);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    Instant time = rs.getTimestamp(2).toInstant();
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("seq", seq);
                    e.put("eventTime", EventHashing.formatTime(time));
                    e.put("actor", rs.getString(3));
                    e.put("eventType", rs.getString(4));
                    e.put("subject", rs.getString(5));
                    JsonNode payload = CanonicalJson.parse(rs.getString(6));
                    e.put("payload", payload);
                    e.put("payloadSha256", rs.getString(7));
                    e.put("leafHash", rs.getString(8));
                    e.put("payloadRemoved", rs.getBoolean(9));
                    events.write(CanonicalJson.string(e));
                    events.write('\n');
                    Map<String, Object> proof = new LinkedHashMap<>();
                    proof.put("seq", seq);
                    proof.put("leafIndex", seq - 1);
                    proof.put("treeSize", size);
                    proof.put("path", tree.inclusionProof(seq - 1, size).stream().map(Hashes::hex).toList());
                    proofs.write(CanonicalJson.string(proof));
                    proofs.write('\n');
                    summary.event(time, rs.getString(4), payload.path("decision").asText(null));
                    count++;
                }
            }
        }
        return count;
    }

    private long writeItems(Connection c, Request r, Path dir, Summary summary) throws SQLException, IOException {
        StringBuilder sql = new StringBuilder("select ci.id, ci.modality, ci.prompt, ci.plugin_id, ci.plugin_version, "
                + "ci.model_id, ci.model_sha256, ci.parameters::text, ci.seed, ci.status, ci.artifact_sha256, "
                + "ci.artifact_media_type, ci.created_by, ci.created_at, gr.id, gr.decision, gr.policy_id, "
                + "gr.policy_sha256, gr.factuality_score, gr.report::text, ci.judged_by::text from content_items ci "
                + "left join lateral "
                + "(select * from governance_reports g where g.content_item_id = ci.id order by g.created_at desc limit 1) "
                + "gr on true where ci.created_at >= ? and ci.created_at < ?");
        List<Object> params = new ArrayList<>(List.of(r.from().atOffset(ZoneOffset.UTC), r.to().atOffset(ZoneOffset.UTC)));
        if (r.decision() != null) {
            sql.append(" and gr.decision = ?");
            params.add(r.decision());
        }
        if (r.pluginId() != null) {
            sql.append(" and ci.plugin_id = ?");
            params.add(r.pluginId());
        }
        sql.append(" order by ci.created_at, ci.id");
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement(sql.toString());
                BufferedWriter out = Files.newBufferedWriter(dir.resolve("items.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", rs.getString(1));
                    item.put("modality", rs.getString(2));
                    item.put("inputSha256", Hashes.sha256Hex(rs.getString(3).getBytes(StandardCharsets.UTF_8)));
                    item.put("plugin", mapOf("id", rs.getString(4), "version", rs.getString(5)));
                    item.put("model", mapOf("id", rs.getString(6), "sha256", rs.getString(7)));
                    item.put("parameters", CanonicalJson.parse(rs.getString(8)));
                    item.put("seed", rs.getObject(9));
                    item.put("status", rs.getString(10));
                    item.put("artifactSha256", rs.getString(11));
                    item.put("artifactMediaType", rs.getString(12));
                    item.put("createdBy", rs.getString(13));
                    item.put("createdAt", rs.getTimestamp(14).toInstant().toString());
                    if (rs.getString(15) != null) {
                        Map<String, Object> gov = new LinkedHashMap<>();
                        gov.put("reportId", rs.getString(15));
                        gov.put("decision", rs.getString(16));
                        gov.put("policyId", rs.getString(17));
                        gov.put("policySha256", rs.getString(18));
                        gov.put("factualityScore", rs.getObject(19));
                        gov.put("report", CanonicalJson.parse(rs.getString(20)));
                        item.put("governance", gov);
                        summary.decision(rs.getTimestamp(14).toInstant(), rs.getString(16));
                    }
                    if (rs.getString(21) != null) {
                        JsonNode judgedBy = CanonicalJson.parse(rs.getString(21));
                        item.put("judgedBy", judgedBy);
                        judgedBy.path("models").properties().forEach(m -> summary.model(m.getKey(),
                                m.getValue().asText()));
                    }
                    if (rs.getString(7) != null && rs.getString(6) != null) {
                        summary.model("generator:" + rs.getString(6), rs.getString(7));
                    }
                    out.write(CanonicalJson.string(item));
                    out.write('\n');
                    count++;
                }
            }
        }
        return count;
    }

    private static Map<String, Object> mapOf(String k1, @Nullable Object v1, String k2, @Nullable Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /**
     * {@code models.jsonl}: one manifest per model that judged an exported item (name, SHA-256, kind; for a plugin
     * check or verifier, whether its archive is held by the platform; for a governance model artifact, its size and
     * its manifest: training data hash and files, settings hash, code version, dev figures, sources and licences), so
     * that {@code verify-export} can resolve every decision's model hashes and an auditor can see how each was made.
     */
    private static long writeModels(Connection c, Path dir, Summary summary) throws SQLException, IOException {
        long count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("models.jsonl"), StandardCharsets.UTF_8);
                PreparedStatement archive = c.prepareStatement("select octet_length(content) from plugin_archives "
                        + "where sha256 = ?");
                PreparedStatement artifact = c.prepareStatement("select octet_length(bytes), manifest::text "
                        + "from governance_model where sha256 = ?")) {
            for (var model : summary.models.entrySet()) {
                String name = model.getKey().name();
                String sha = model.getKey().sha256();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", name);
                m.put("sha256", sha);
                m.put("kind", name.contains(":") ? name.substring(0, name.indexOf(':')) : name);
                m.put("decisions", model.getValue());
                if (name.startsWith("plugin:")) {
                    archive.setString(1, sha);
                    try (ResultSet rs = archive.executeQuery()) {
                        if (rs.next()) {
                            m.put("archiveBytes", rs.getLong(1));
                        }
                    }
                }
                artifact.setString(1, sha);
                try (ResultSet rs = artifact.executeQuery()) {
                    if (rs.next()) {
                        m.put("artifactBytes", rs.getLong(1));
                        m.put("manifest", CanonicalJson.parse(rs.getString(2)));
                    }
                }
                out.write(CanonicalJson.string(m));
                out.write('\n');
                count++;
            }
        }
        return count;
    }

    private static long writePolicies(Connection c, Request r, Path dir) throws SQLException, IOException {
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement("select id, name, version, format, body, body_sha256, active, "
                + "created_by, created_at from policies where created_at < ? order by name, version");
                BufferedWriter out = Files.newBufferedWriter(dir.resolve("policies.jsonl"), StandardCharsets.UTF_8)) {
            ps.setObject(1, r.to().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("id", rs.getString(1));
                    p.put("name", rs.getString(2));
                    p.put("version", rs.getInt(3));
                    p.put("format", rs.getString(4));
                    p.put("body", rs.getString(5));
                    p.put("bodySha256", rs.getString(6));
                    p.put("activeNow", rs.getBoolean(7));
                    p.put("createdBy", rs.getString(8));
                    p.put("createdAt", rs.getTimestamp(9).toInstant().toString());
                    out.write(CanonicalJson.string(p));
                    out.write('\n');
                    count++;
                }
            }
        }
        return count;
    }

    private void writeConsistency(Path dir, MerkleTree tree, long size, Checkpoints.Stored latest) throws IOException {
        var previous = checkpoints.latestBelow(size);
        if (previous.isEmpty()) {
            return;
        }
        Checkpoint prev = previous.get().checkpoint();
        if (!Arrays.equals(tree.root(prev.treeSize()), prev.rootHash())) {
            throw new HallmarkException("Checkpoint #" + previous.get().number() + " does not match the events; "
                    + "run 'hallmark audit verify'");
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("fromCheckpoint", prev.note());
        c.put("fromNumber", previous.get().number());
        c.put("toNumber", latest.number());
        c.put("fromSize", prev.treeSize());
        c.put("toSize", size);
        c.put("path", tree.consistencyProof(prev.treeSize(), size).stream().map(Hashes::hex).toList());
        write(dir, "consistency.json", CanonicalJson.string(c) + "\n");
    }

    /**
     * A consistency proof from each checkpoint the auditor holds to the bundle's; refuses (nothing to prove from) when
     * the log no longer extends one of them.
     */
    private void writeHeldConsistency(Path dir, MerkleTree tree, long size, List<String> held) throws IOException {
        if (held.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (String note : held) {
            Checkpoint h;
            try {
                h = Checkpoint.verify(note, checkpoints.trustedKeys());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("A checkpoint to prove consistency from does not verify: " + e.getMessage());
            }
            if (h.treeSize() > size || !Arrays.equals(tree.root(h.treeSize()), h.rootHash())) {
                throw new HallmarkException("The audit log does not extend the checkpoint of size " + h.treeSize()
                        + " given to prove consistency from (" + (h.treeSize() > size ? "the log holds only " + size
                                + " events: rolled back" : "its events were rewritten")
                        + "); run 'hallmark audit verify --trusted-checkpoint'");
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("fromCheckpoint", h.note());
            c.put("fromSize", h.treeSize());
            c.put("toSize", size);
            c.put("path", tree.consistencyProof(h.treeSize(), size).stream().map(Hashes::hex).toList());
            lines.append(CanonicalJson.string(c)).append('\n');
        }
        write(dir, "consistency-proofs.jsonl", lines.toString());
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Counts for the HTML summary. */
    private record ModelKey(String name, String sha256) implements Comparable<ModelKey> {
        @Override
        public int compareTo(ModelKey o) {
            int byName = name.compareTo(o.name);
            return byName != 0 ? byName : sha256.compareTo(o.sha256);
        }
    }

    private static final class Summary {
        final Map<String, Long> byType = new TreeMap<>();
        final Map<String, Long> byDecision = new TreeMap<>();
        final Map<LocalDate, Long> byDay = new TreeMap<>();
        final Map<LocalDate, Map<String, Long>> decisionsByDay = new TreeMap<>();
        /** Every model that judged an exported item, with how many items it judged. */
        final Map<ModelKey, Long> models = new TreeMap<>();

        void model(String name, String sha256) {
            models.merge(new ModelKey(name, sha256), 1L, Long::sum);
        }

        void event(Instant time, String type, @Nullable String decision) {
            byType.merge(type, 1L, Long::sum);
            byDay.merge(LocalDate.ofInstant(time, ZoneOffset.UTC), 1L, Long::sum);
        }

        void decision(Instant time, @Nullable String decision) {
            if (decision != null) {
                byDecision.merge(decision, 1L, Long::sum);
                decisionsByDay.computeIfAbsent(LocalDate.ofInstant(time, ZoneOffset.UTC), d -> new TreeMap<>())
                        .merge(decision, 1L, Long::sum);
            }
        }

        String html(Request r, Checkpoints.Stored cp, long events, long items, long policies) {
            StringBuilder h = new StringBuilder();
            h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hallmark audit export</title>")
                    .append("<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#222}")
                    .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:left}")
                    .append("td.n{text-align:right}</style></head><body>\n");
            h.append("<h1>Hallmark audit export</h1>\n<p>Range ").append(esc(r.from().toString())).append(" to ")
                    .append(esc(r.to().toString())).append(" (exclusive)");
            if (r.decision() != null) {
                h.append(", decision ").append(esc(r.decision()));
            }
            if (r.pluginId() != null) {
                h.append(", plugin ").append(esc(r.pluginId()));
            }
            h.append(".</p>\n<p>").append(events).append(" events, ").append(items).append(" content items, ")
                    .append(policies).append(" policy versions. Signed checkpoint #").append(cp.number())
                    .append(": tree size ").append(cp.checkpoint().treeSize()).append(", root <code>")
                    .append(cp.checkpoint().rootHashHex()).append("</code>.</p>\n");
            h.append("<p>Check this bundle offline with <code>hallmark audit verify-export DIR</code>.</p>\n");
            h.append("<h2>Events per day</h2>\n").append(chart());
            h.append("<h2>Governance decisions per day</h2>\n").append(decisionChart());
            table(h, "Events by type", "event type", byType);
            table(h, "Content items by governance decision", "decision", byDecision);
            h.append("</body></html>\n");
            return h.toString();
        }

        private String chart() {
            if (byDay.isEmpty()) {
                return "<p>No events.</p>\n";
            }
            long max = byDay.values().stream().mapToLong(Long::longValue).max().orElse(1);
            int bar = Math.max(4, Math.min(40, 800 / byDay.size()));
            int width = byDay.size() * bar + 60;
            StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                    + "aria-label=\"events per day\" width=\"" + width + "\" height=\"230\">\n");
            int x = 50;
            for (var e : byDay.entrySet()) {
                long h = Math.max(1, e.getValue() * 180 / max);
                s.append("<rect x=\"").append(x).append("\" y=\"").append(200 - h).append("\" width=\"")
                        .append(bar - 2).append("\" height=\"").append(h).append("\" fill=\"#3b6ea5\"><title>")
                        .append(e.getKey()).append(": ").append(e.getValue()).append("</title></rect>\n");
                x += bar;
            }
            s.append("<text x=\"0\" y=\"20\" font-size=\"12\">").append(max).append("</text>")
                    .append("<text x=\"50\" y=\"220\" font-size=\"12\">").append(byDay.keySet().iterator().next())
                    .append("</text><text x=\"").append(Math.max(50, x - 80)).append("\" y=\"220\" font-size=\"12\">")
                    .append(((TreeMap<LocalDate, Long>) byDay).lastKey()).append("</text>\n</svg>\n");
            return s.toString();
        }

        private static final String[] COLORS = {"#2e7d32", "#c62828", "#f9a825", "#6a1b9a", "#1565c0", "#555"};

        /** Stacked bars: one per day, one colour per decision, with a legend. */
        private String decisionChart() {
            if (decisionsByDay.isEmpty()) {
                return "<p>No content items with a decision in this range.</p>\n";
            }
            List<String> decisions = new ArrayList<>(byDecision.keySet());
            long max = decisionsByDay.values().stream()
                    .mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum()).max().orElse(1);
            int bar = Math.max(4, Math.min(40, 800 / decisionsByDay.size()));
            StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                    + "aria-label=\"decisions per day\" width=\"" + (decisionsByDay.size() * bar + 220) + "\" height=\"230\">\n");
            int x = 50;
            for (var day : decisionsByDay.entrySet()) {
                long y = 200;
                for (int i = 0; i < decisions.size(); i++) {
                    long n = day.getValue().getOrDefault(decisions.get(i), 0L);
                    if (n == 0) {
                        continue;
                    }
                    long h = Math.max(1, n * 180 / max);
                    y -= h;
                    s.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(bar - 2)
                            .append("\" height=\"").append(h).append("\" fill=\"").append(COLORS[i % COLORS.length])
                            .append("\"><title>").append(day.getKey()).append(" ").append(esc(decisions.get(i)))
                            .append(": ").append(n).append("</title></rect>\n");
                }
                x += bar;
            }
            for (int i = 0; i < decisions.size(); i++) {
                s.append("<rect x=\"").append(x + 20).append("\" y=\"").append(20 + i * 18)
                        .append("\" width=\"12\" height=\"12\" fill=\"").append(COLORS[i % COLORS.length])
                        .append("\"/><text x=\"").append(x + 38).append("\" y=\"").append(31 + i * 18)
                        .append("\" font-size=\"12\">").append(esc(decisions.get(i))).append("</text>\n");
            }
            s.append("<text x=\"0\" y=\"20\" font-size=\"12\">").append(max).append("</text></svg>\n");
            return s.toString();
        }

        private static void table(StringBuilder h, String title, String column, Map<String, Long> counts) {
            h.append("<h2>").append(esc(title)).append("</h2>\n");
            if (counts.isEmpty()) {
                h.append("<p>None.</p>\n");
                return;
            }
            h.append("<table><tr><th>").append(esc(column)).append("</th><th>count</th></tr>\n");
            counts.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td class=\"n\">").append(v)
                    .append("</td></tr>\n"));
            h.append("</table>\n");
        }

        private static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
