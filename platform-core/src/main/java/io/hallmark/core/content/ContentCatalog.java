package io.hallmark.core.content;

import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.core.NotFoundException;
import io.hallmark.core.audit.DatabaseAuditLog;
import io.hallmark.core.db.Database;
import io.hallmark.core.db.DatabaseUnavailableException;
import io.hallmark.core.persistence.AuditEvent;
import io.hallmark.core.persistence.ContentItem;
import io.hallmark.core.persistence.ContentStatus;
import io.hallmark.core.persistence.Decision;
import io.hallmark.core.persistence.GovernanceReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.LockMode;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import org.jspecify.annotations.Nullable;

/**
 * Kept content as the console and the REST API read it: search with filters and pages, one item with its report,
 * provenance and audit events, the review queue and its decisions, and the dashboard's aggregates. Every query
 * binds its inputs as parameters; none is assembled from caller text.
 */
public final class ContentCatalog {

    /** The longest text a reviewer's edit may have. */
    public static final int MAX_EDIT_CHARS = 1_000_000;
    /** The longest review comment. */
    public static final int MAX_COMMENT_CHARS = 2_000;

    /** What a reviewer decides. */
    public enum ReviewAction {
        APPROVE, REJECT, EDIT;

        /** {@code approve}, {@code reject} or {@code edit}. */
        public static ReviewAction parse(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.of("action", "Unknown review action '" + value
                        + "'; use approve, reject or edit");
            }
        }
    }

    /** One row of a content list. */
    public record Summary(UUID id, Modality modality, ContentStatus status, String prompt, @Nullable String pluginId,
            @Nullable String pluginVersion, @Nullable String createdBy, Instant createdAt,
            @Nullable Double factualityScore, @Nullable Decision decision) {}

    /** An item waiting for a person, with why. */
    /**
     * An item waiting for review: the policy's reasons, its scores, and the checks that did not run ("not checked:
     * why"; the item failed closed to review because of them).
     */
    public record ReviewItem(Summary item, @Nullable String text, List<String> reasons, Map<String, Object> scores,
            Map<String, String> notChecked) {}

    /** A decision taken on the review queue. */
    public record ReviewOutcome(UUID id, ContentStatus status, ReviewAction action, long auditSeq) {}

    private static final int PROMPT_PREVIEW = 200;

    private final Database db;
    private final DatabaseAuditLog audit;

    public ContentCatalog(Database db, DatabaseAuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Items matching {@code filter}, newest first. */
    public ContentPage<Summary> search(ContentFilter filter, int page, int size) {
        ContentPage.check(page, size);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", filter.status());
        }
        if (filter.modality() != null) {
            where.append(" and c.modality = :modality");
            params.put("modality", filter.modality());
        }
        if (filter.pluginId() != null && !filter.pluginId().isBlank()) {
            where.append(" and c.pluginId = :plugin");
            params.put("plugin", filter.pluginId());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(c.prompt) like :q escape '!' or lower(coalesce(c.textBody, '')) like :q escape '!')");
            params.put("q", "%" + likeLiteral(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.from() != null) {
            where.append(" and c.createdAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and c.createdAt < :to");
            params.put("to", filter.to());
        }
        return db.inTransaction(s -> {
            SelectionQuery<Long> count = s.createSelectionQuery("select count(c) from ContentItem c" + where, Long.class);
            params.forEach(count::setParameter);
            long total = count.getSingleResult();
            // only the listed columns: neither the text nor the parameters of each item
            SelectionQuery<Object[]> rows = s.createSelectionQuery("select c.id, c.modality, c.status, "
                    + "substring(c.prompt, 1, " + PROMPT_PREVIEW + "), c.pluginId, c.pluginVersion, c.createdBy, c.createdAt, "
                    + "r.factualityScore, r.decision from ContentItem c left join GovernanceReport r "
                    + "on r.contentItemId = c.id" + where + " order by c.createdAt desc, c.id desc", Object[].class);
            params.forEach(rows::setParameter);
            List<Summary> items = rows.setFirstResult((page - 1) * size).setMaxResults(size).getResultList().stream()
                    .map(r -> new Summary((UUID) r[0], (Modality) r[1], (ContentStatus) r[2], (String) r[3], (String) r[4],
                            (String) r[5], (String) r[6], (Instant) r[7], (Double) r[8], (Decision) r[9])).toList();
            return new ContentPage<>(items, page, size, total);
        });
    }

    /**
     * The untrusted documents sent with the item's request ({@code [{name, text}]}, in order: {@code documents[i]} in
     * the report's triggers), none for a plain prompt.
     */
    private static List<Object> documents(org.hibernate.Session s, UUID id) {
        return s.createSelectionQuery("from GenerationJob where contentItemId = :id",
                io.hallmark.core.persistence.GenerationJob.class).setParameter("id", id).setMaxResults(1)
                .getResultList().stream().findFirst()
                .map(j -> j.request().get("documents") instanceof List<?> l ? List.<Object>copyOf(l) : List.of())
                .orElse(List.of());
    }

    /** One item with its text, report, provenance and audit events. */
    public Map<String, Object> detail(UUID id) {
        return db.inTransaction(s -> {
            ContentItem item = find(s, id, false);
            GovernanceReport report = report(s, id).orElse(null);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("item", summary(item, report == null ? null : report.factualityScore(),
                    report == null ? null : report.decision()));
            out.put("prompt", item.prompt());
            out.put("documents", documents(s, id));
            out.put("text", item.textBody());
            out.put("mediaType", item.artifactMediaType() != null ? item.artifactMediaType() : "text/plain");
            out.put("artifactSize", item.artifactSize());
            out.put("report", report == null ? null : report.report());
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("plugin", item.pluginId());
            provenance.put("pluginVersion", item.pluginVersion());
            provenance.put("model", item.modelId());
            provenance.put("modelSha256", item.modelSha256());
            provenance.put("seed", item.seed());
            provenance.put("parameters", item.parameters());
            provenance.put("contentSha256", item.artifactSha256() != null ? item.artifactSha256()
                    : item.textBody() == null ? null : sha256(item.textBody()));
            provenance.put("policyId", report == null ? null : report.policyId());
            provenance.put("policySha256", report == null ? null : report.policySha256());
            provenance.put("createdBy", item.createdBy());
            provenance.put("createdAt", item.createdAt());
            out.put("provenance", provenance);
            out.put("events", s.createSelectionQuery("from AuditEvent where subject = :s order by seq", AuditEvent.class)
                    .setParameter("s", id.toString()).setMaxResults(200).getResultList().stream().map(e -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("seq", e.seq());
                        m.put("type", e.eventType());
                        m.put("actor", e.actor());
                        m.put("at", e.eventTime());
                        m.put("payload", e.payload());
                        return m;
                    }).toList());
            return out;
        });
    }

    /** The stored artifact's reference, or the inline text, of one item. */
    public ContentItem item(UUID id) {
        return db.inTransaction(s -> find(s, id, false));
    }

    /** Items waiting for a person, oldest first (first come, first decided), with the policy's reasons. */
    @SuppressWarnings("unchecked")
    public ContentPage<ReviewItem> reviewQueue(int page, int size) {
        ContentPage.check(page, size);
        return db.inTransaction(s -> {
            long total = s.createSelectionQuery("select count(c) from ContentItem c where c.status = :st", Long.class)
                    .setParameter("st", ContentStatus.NEEDS_REVIEW).getSingleResult();
            List<Object[]> rows = s.createSelectionQuery("select c, r from ContentItem c left join GovernanceReport r "
                    + "on r.contentItemId = c.id where c.status = :st order by c.createdAt, c.id", Object[].class)
                    .setParameter("st", ContentStatus.NEEDS_REVIEW)
                    .setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
            List<ReviewItem> items = new ArrayList<>();
            for (Object[] row : rows) {
                ContentItem c = (ContentItem) row[0];
                GovernanceReport r = (GovernanceReport) row[1];
                List<String> reasons = new ArrayList<>();
                Map<String, Object> scores = Map.of();
                Map<String, String> notChecked = new java.util.TreeMap<>();
                if (r != null) {
                    Object decision = r.report().get("decision");
                    if (r.report().get("unavailable") instanceof Map<?, ?> unavailable) {
                        unavailable.forEach((k, v) -> notChecked.put(String.valueOf(k), String.valueOf(v)));
                    }
                    if (decision instanceof Map<?, ?> d) {
                        if (io.hallmark.governance.policy.Decision.FAIL_CLOSED.equals(d.get("rule"))) {
                            reasons.add("Failed closed to " + d.get("action") + ": not every check ran (policy "
                                    + d.get("policy") + " alone decided " + (d.get("policyAction") == null ? "?" : d.get("policyAction"))
                                    + ")");
                        } else {
                            reasons.add("Policy " + d.get("policy") + " rule '" + d.get("rule") + "' decided "
                                    + d.get("action"));
                        }
                        if (d.get("fired") instanceof List<?> fired && !fired.isEmpty()) {
                            reasons.add("Rules fired: " + fired);
                        }
                        if (d.get("unknownMetrics") instanceof List<?> unknown && !unknown.isEmpty()) {
                            reasons.add("Unknown metrics: " + String.join(", ", unknown.stream().map(String::valueOf)
                                    .toList()));
                        }
                    }
                    notChecked.forEach((check, why) -> reasons.add("Not checked: " + check + ": " + why));
                    if (r.report().get("scores") instanceof Map<?, ?> sc) {
                        scores = (Map<String, Object>) sc;
                    }
                } else {
                    reasons.add("No governance report");
                }
                items.add(new ReviewItem(summary(c, r == null ? null : r.factualityScore(), r == null ? null : r.decision()),
                        c.textBody(), reasons, scores, notChecked));
            }
            return new ContentPage<>(items, page, size, total);
        });
    }

    /**
     * Decides an item on the review queue: approve, reject, or replace its text and approve. The status change,
     * the waiting job's completion and the {@code review.*} audit event commit together.
     *
     * @param comment why; required to reject or edit
     * @param editedText the new text, required for {@link ReviewAction#EDIT}
     * @throws ReviewConflictException when the item is not waiting for review
     */
    public ReviewOutcome review(UUID id, ReviewAction action, @Nullable String comment, @Nullable String editedText,
            String actor) {
        String why = comment == null ? "" : comment.strip();
        if (why.length() > MAX_COMMENT_CHARS) {
            throw InvalidRequestException.of("comment", "A comment may have at most " + MAX_COMMENT_CHARS + " characters");
        }
        if (why.isEmpty() && action != ReviewAction.APPROVE) {
            throw InvalidRequestException.of("comment", "Say why in 'comment' to " + action.name().toLowerCase(Locale.ROOT));
        }
        if (action == ReviewAction.EDIT && (editedText == null || editedText.isBlank())) {
            throw InvalidRequestException.of("text", "An edit needs the new text in 'text'");
        }
        if (editedText != null && editedText.length() > MAX_EDIT_CHARS) {
            throw InvalidRequestException.of("text", "The edited text may have at most " + MAX_EDIT_CHARS + " characters");
        }
        return db.inTransaction(s -> {
            ContentItem item = find(s, id, true);
            if (item.status() != ContentStatus.NEEDS_REVIEW) {
                throw new ReviewConflictException("Content " + id + " is " + item.status()
                        + ", not waiting for review; reload the queue");
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("action", action.name());
            payload.put("comment", why);
            payload.put("previousStatus", item.status().name());
            if (action == ReviewAction.EDIT) {
                if (item.textBody() == null) {
                    throw InvalidRequestException.of("text", "Content " + id + " is " + item.modality()
                            + " with a binary artifact; only text and code can be edited");
                }
                payload.put("textSha256Before", sha256(item.textBody()));
                payload.put("textSha256After", sha256(editedText));
                item.setTextBody(editedText);
            }
            ContentStatus next = action == ReviewAction.REJECT ? ContentStatus.REJECTED : ContentStatus.APPROVED;
            item.setStatus(next);
            payload.put("status", next.name());
            s.flush();
            s.createNativeMutationQuery("update generation_jobs set state = 'DONE', updated_at = now(), "
                    + "finished_at = coalesce(finished_at, now()) where content_item_id = :id and state = 'WAITING_REVIEW'")
                    .setParameter("id", id).executeUpdate();
            String type = "review." + switch (action) {
                case APPROVE -> "approved";
                case REJECT -> "rejected";
                case EDIT -> "edited";
            };
            long seq = s.doReturningWork(c -> audit.appendInTransaction(c,
                    List.of(new DatabaseAuditLog.NewEvent(actor, type, id.toString(), payload)))).getFirst().seq();
            return new ReviewOutcome(id, next, action, seq);
        });
    }

    /** How often to count on the dashboard's time axis. */
    public enum Bucket {
        HOUR, DAY;

        public static Bucket parse(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return HOUR;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.of("bucket", "Unknown bucket '" + value + "'; use hour or day");
            }
        }
    }

    /**
     * The dashboard's aggregates since {@code since}: items per time bucket and status, decisions, the mean of
     * every governance score per bucket, and a histogram of factuality scores.
     */
    public Map<String, Object> stats(Instant since, Bucket bucket) {
        String unit = bucket.name().toLowerCase(Locale.ROOT);
        Timestamp from = Timestamp.from(since);
        try (Connection c = db.dataSource().getConnection()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("since", since);
            out.put("bucket", unit);
            List<Map<String, Object>> generations = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("select date_trunc(?, created_at) as t, status, count(*) "
                    + "from content_items where created_at >= ? group by 1, 2 order by 1, 2")) {
                q.setString(1, unit);
                q.setTimestamp(2, from);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        generations.add(Map.of("t", rs.getTimestamp(1).toInstant(), "status", rs.getString(2),
                                "count", rs.getLong(3)));
                    }
                }
            }
            out.put("generations", generations);
            Map<String, Long> decisions = new TreeMap<>();
            try (PreparedStatement q = c.prepareStatement("select coalesce(decision, 'NONE'), count(*) "
                    + "from governance_reports where created_at >= ? group by 1")) {
                q.setTimestamp(1, from);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        decisions.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            out.put("decisions", decisions);
            List<Map<String, Object>> scores = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("select date_trunc(?, r.created_at), s.key, "
                    + "avg((s.value #>> '{}')::double precision), count(*) from governance_reports r, "
                    + "jsonb_each(r.report -> 'scores') s where r.created_at >= ? and jsonb_typeof(s.value) = 'number' "
                    + "group by 1, 2 order by 1, 2")) {
                q.setString(1, unit);
                q.setTimestamp(2, from);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        scores.add(Map.of("t", rs.getTimestamp(1).toInstant(), "score", rs.getString(2),
                                "mean", rs.getDouble(3), "count", rs.getLong(4)));
                    }
                }
            }
            out.put("scores", scores);
            long[] histogram = new long[10];
            try (PreparedStatement q = c.prepareStatement("select least(width_bucket(factuality_score, 0, 1, 10), 10), "
                    + "count(*) from governance_reports where created_at >= ? and factuality_score is not null group by 1")) {
                q.setTimestamp(1, from);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        histogram[Math.max(1, rs.getInt(1)) - 1] += rs.getLong(2);
                    }
                }
            }
            out.put("factualityHistogram", histogram);
            try (PreparedStatement q = c.prepareStatement("select count(*) from content_items where status = 'NEEDS_REVIEW'");
                    ResultSet rs = q.executeQuery()) {
                rs.next();
                out.put("reviewQueue", rs.getLong(1));
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot read the dashboard figures: " + e.getMessage(), e);
        }
    }

    /** Parses a window such as {@code 24h} or {@code 14d} (1 hour to 366 days). */
    public static Duration window(@Nullable String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        var m = java.util.regex.Pattern.compile("(\\d{1,4})([hd])").matcher(value.strip());
        if (!m.matches()) {
            throw InvalidRequestException.of("window", "Window '" + value + "' is not like 24h or 14d");
        }
        Duration d = m.group(2).equals("h") ? Duration.ofHours(Long.parseLong(m.group(1)))
                : Duration.ofDays(Long.parseLong(m.group(1)));
        if (d.isZero() || d.compareTo(Duration.ofDays(366)) > 0) {
            throw InvalidRequestException.of("window", "Window '" + value + "' must lie between 1h and 366d");
        }
        return d;
    }

    private static ContentItem find(Session s, UUID id, boolean lock) {
        ContentItem item = lock ? s.find(ContentItem.class, id, LockMode.PESSIMISTIC_WRITE) : s.find(ContentItem.class, id);
        if (item == null) {
            throw new NotFoundException("content", id.toString(), "No content item " + id);
        }
        return item;
    }

    private static Optional<GovernanceReport> report(Session s, UUID id) {
        return s.createSelectionQuery("from GovernanceReport where contentItemId = :id order by createdAt desc",
                GovernanceReport.class).setParameter("id", id).setMaxResults(1).uniqueResultOptional();
    }

    private static Summary summary(ContentItem c, @Nullable Double factuality, @Nullable Decision decision) {
        String prompt = c.prompt().length() > PROMPT_PREVIEW ? c.prompt().substring(0, PROMPT_PREVIEW) + "…" : c.prompt();
        return new Summary(c.id(), c.modality(), c.status(), prompt, c.pluginId(), c.pluginVersion(), c.createdBy(),
                c.createdAt(), factuality, decision);
    }

    /** Escapes LIKE's wildcards so the caller's text matches literally. */
    static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
