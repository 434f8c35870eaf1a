package io.hallmark.core.policy;


import io.hallmark.api.Modality;
import io.hallmark.core.NotFoundException;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.core.db.Database;
import io.hallmark.core.persistence.GovernanceReport;
import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.core.persistence.PolicyFormat;
import io.hallmark.governance.policy.Action;
import io.hallmark.governance.policy.DefaultPolicy;
import io.hallmark.governance.policy.Policy;
import io.hallmark.governance.policy.PolicyEngine;
import io.hallmark.governance.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Versioned policies in the database: validation, activation of a new version (audited), the policy in force for a
 * modality and channel, and dry runs of a draft over recent stored decisions. The first start installs the
 * default policy.
 */
public final class PolicyService {

    /** A stored policy version. */
    public record StoredPolicy(java.util.UUID id, String name, int version, boolean active, String sha256, String format,
            String body, String createdBy, java.time.Instant createdAt) {}

    private final Database db;
    private final AuditLog audit;
    private final PolicyParser parser = new PolicyParser();
    private final PolicyEngine engine = new PolicyEngine();

    public PolicyService(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Installs the default policy when no policy exists yet. */
    public void ensureDefault() {
        long count = db.inTransaction(s -> s.createSelectionQuery("select count(*) from Policy", Long.class).getSingleResult());
        if (count == 0) {
            try {
                apply(DefaultPolicy.text(), "system");
            } catch (org.hibernate.exception.ConstraintViolationException e) {
                // another node sharing the database installed it at the same moment (both counted 0): keep theirs
                long now = db.inTransaction(s -> s.createSelectionQuery("select count(*) from Policy", Long.class)
                        .getSingleResult());
                if (now == 0) {
                    throw e;
                }
            }
        }
    }

    /**
     * Installs the policy of the plugin developers' sandbox channel (the default policy's rules, on channel
     * {@value PluginChannel#SANDBOX_JOB_CHANNEL}) when no policy of that name exists yet; an administrator may
     * replace or deactivate it like any other.
     */
    public void ensureSandbox() {
        boolean exists = list().stream().anyMatch(p -> p.name().equals(SANDBOX_POLICY));
        if (!exists) {
            String text = DefaultPolicy.text();
            String sandbox = text.replaceFirst("(?m)^name: default$", "name: " + SANDBOX_POLICY)
                    .replaceFirst("(?m)^channel: default$", "channel: " + PluginChannel.SANDBOX_JOB_CHANNEL)
                    .replaceFirst("(?m)^description: .*$", "description: The default rules, for plugin developers' "
                            + "sandbox plugins (jobs on channel " + PluginChannel.SANDBOX_JOB_CHANNEL + ")");
            if (sandbox.equals(text)) {
                throw new IllegalStateException("The default policy no longer names its channel on one line");
            }
            try {
                apply(sandbox, "system");
            } catch (org.hibernate.exception.ConstraintViolationException e) {
                // another node installed it at the same moment: keep theirs
            }
        }
    }

    /** The name of the sandbox channel's policy. */
    public static final String SANDBOX_POLICY = "sandbox";

    /** Parses and validates a policy text without storing it. */
    public Policy validate(String text) {
        return parser.parse(text);
    }

    /**
     * Stores the text as the next version of its policy and makes it the active one. One policy governs each
     * modality on each channel: active policies of other names that cover any of the same modalities on the same
     * channel are deactivated (and named in the audit event).
     */
    public StoredPolicy apply(String text, String actor) {
        Policy policy = parser.parse(text);
        List<String> replaced = list().stream().filter(StoredPolicy::active)
                .filter(p -> !p.name().equals(policy.name()))
                .filter(p -> {
                    Policy other = parser.parse(p.body());
                    return other.channel().equals(policy.channel())
                            && other.modalities().stream().anyMatch(policy.modalities()::contains);
                })
                .map(StoredPolicy::name).toList();
        PolicyFormat format = text.stripLeading().startsWith("{") ? PolicyFormat.JSON : PolicyFormat.YAML;
        io.hallmark.core.persistence.Policy stored = db.inTransaction(s -> {
            Integer max = s.createSelectionQuery("select max(version) from Policy where name = :n", Integer.class)
                    .setParameter("n", policy.name()).getSingleResult();
            s.createMutationQuery("update Policy set active = false where name = :n and active")
                    .setParameter("n", policy.name()).executeUpdate();
            if (!replaced.isEmpty()) {
                s.createMutationQuery("update Policy set active = false where name in (:names) and active")
                        .setParameterList("names", replaced).executeUpdate();
            }
            s.flush();
            io.hallmark.core.persistence.Policy p = new io.hallmark.core.persistence.Policy(policy.name(),
                    max == null ? 1 : max + 1, format, text, actor);
            p.setActive(true);
            s.persist(p);
            return p;
        });
        audit.append(actor, "policy.activated", policy.name(), Map.of("version", stored.version(),
                "sha256", stored.bodySha256(), "rules", policy.rules().size(), "replaced", replaced));
        return view(stored);
    }

    /** Every stored version, newest first. */
    public List<StoredPolicy> list() {
        return db.inTransaction(s -> s.createSelectionQuery("from Policy order by name, version desc",
                io.hallmark.core.persistence.Policy.class).getResultList()).stream().map(PolicyService::view).toList();
    }

    /** The active version of a policy. */
    public StoredPolicy active(String name) {
        return db.inTransaction(s -> s.createSelectionQuery("from Policy where name = :n and active",
                io.hallmark.core.persistence.Policy.class).setParameter("n", name).uniqueResultOptional())
                .map(PolicyService::view)
                .orElseThrow(() -> new NotFoundException("policy", name, "No active policy named '" + name + "'; policies: "
                        + list().stream().map(StoredPolicy::name).distinct().toList()));
    }

    /** The active policy that covers a modality on a channel, parsed. */
    public Optional<Policy> inForce(Modality modality, String channel) {
        return list().stream().filter(StoredPolicy::active).map(p -> parser.parse(p.body()))
                .filter(p -> p.appliesTo(modality, channel)).findFirst();
    }

    /**
     * Replays a draft over the newest {@code limit} stored decisions and returns those it would change. Decisions
     * store the scores they were made on under {@code decision.inputs} in the report.
     */
    public List<PolicyEngine.Change> dryRun(String draftText, int limit) {
        Policy draft = parser.parse(draftText);
        List<GovernanceReport> reports = db.inTransaction(s -> s.createSelectionQuery(
                "from GovernanceReport where decision is not null order by createdAt desc", GovernanceReport.class)
                .setMaxResults(limit).getResultList());
        List<PolicyEngine.Case> cases = new ArrayList<>();
        for (GovernanceReport r : reports) {
            Object decision = r.report().get("decision");
            if (decision instanceof Map<?, ?> d && d.get("inputs") instanceof Map<?, ?> inputs) {
                Map<String, Double> scores = new java.util.HashMap<>();
                inputs.forEach((k, v) -> {
                    if (v instanceof Number n) {
                        scores.put(String.valueOf(k), n.doubleValue());
                    }
                });
                Map<String, String> unavailable = new java.util.TreeMap<>();
                if (r.report().get("unavailable") instanceof Map<?, ?> u) {
                    u.forEach((k, v) -> unavailable.put(String.valueOf(k), String.valueOf(v)));
                }
                java.util.Set<String> notApplicable = new java.util.TreeSet<>();
                if (r.report().get("notApplicable") instanceof List<?> na) {
                    na.forEach(m -> notApplicable.add(String.valueOf(m)));
                }
                cases.add(new PolicyEngine.Case(r.contentItemId().toString(), scores, Action.valueOf(r.decision().name()),
                        unavailable, notApplicable, ContentTypes.recorded(r.report())));
            }
        }
        return engine.dryRun(draft, cases);
    }

    private static StoredPolicy view(io.hallmark.core.persistence.Policy p) {
        return new StoredPolicy(p.id(), p.name(), p.version(), p.active(), p.bodySha256(), p.format().name(), p.body(),
                p.createdBy(), p.createdAt());
    }
}
