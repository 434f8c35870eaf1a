package io.hallmark.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Every setting Hallmark reads, under one name in every source: {@code --db-url} on the command line,
 * {@code db-url=} in {@code <data-dir>/hallmark.properties}, {@code HALLMARK_DB_URL} in the environment.
 */
public enum ConfigKey {
    DATA_DIR("data-dir", "./data", false, "folder for the database, blobs, plugins, models and caches"),
    HOST("host", "127.0.0.1", false, "address the HTTP server binds to (0.0.0.0 for every interface)"),
    PORT("port", "8080", false, "HTTP port (0 picks a free one)"),
    DB_URL("db-url", null, false, "JDBC URL of a PostgreSQL 14+ server; empty starts the embedded PostgreSQL"),
    DB_USER("db-user", "postgres", false, "database user"),
    DB_PASSWORD("db-password", null, true, "database password"),
    DB_POOL_SIZE("db-pool-size", "10", false, "maximum database connections"),
    BLOB_STORE("blob-store", "postgres", false,
            "where generated images, videos and uploads are kept: postgres (in the database, shared by every node), "
                    + "s3 (an S3-compatible bucket, blob-store-s3) or local (<data-dir>/blobs, this node only)"),
    BLOB_STORE_S3("blob-store-s3", null, false,
            "the bucket of blob-store=s3: s3://bucket/prefix?endpoint=URL&region=R (credentials from the AWS "
                    + "environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, profiles or roles)"),
    MODELS_DIR("models-dir", null, false, "model directory (default <data-dir>/models)"),
    COOKIE_SECURE("cookie-secure", "true", false,
            "mark the console's session cookie Secure (browsers still send it to http://localhost)"),
    ADMIN_PASSWORD("admin-password", null, true, "password of the first administrator (otherwise one is generated)"),
    DJL_OFFLINE("djl-offline", "true", false, "keep Deep Java Library from downloading anything"),
    DEVICE("device", "auto", false, "where models run: auto, cpu, gpu or gpu:N"),
    SERVING_PROFILE("serving-profile", "low-latency", false,
            "how models are served: low-latency, high-throughput (larger batches) or low-memory (float16, unload idle)"),
    SHUTDOWN_GRACE_SECONDS("shutdown-grace-seconds", "30", false, "how long in-flight work may finish on shutdown"),
    PLUGINS_DEV_MODE("plugins-dev-mode", "false", false, "load unsigned plugins (development only)"),
    PLUGIN_PERMISSIONS("plugin-permissions", "models:read,kb:read", false,
            "permissions every plugin may have without an explicit grant"),
    PLUGIN_CALL_TIMEOUT_SECONDS("plugin-call-timeout-seconds", "300", false, "default deadline of one plugin call"),
    PLUGIN_DRAIN_SECONDS("plugin-drain-seconds", "30", false,
            "how long calls to an old plugin version may finish after an upgrade or disable"),
    BUNDLED_PLUGINS_DIR("bundled-plugins-dir", null, false,
            "plugins shipped with the distribution (the launcher sets it)"),
    PLUGINS_BUNDLED_IN_PROCESS("plugins-bundled-in-process", "true", false,
            "run the distribution's own plugins inside the platform JVM (third-party plugins always run in workers)"),
    PLUGIN_WORKER_HEAP_MB("plugin-worker-heap-mb", "256", false,
            "the -Xmx of a third-party plugin's worker process (sandbox-channel workers get half)"),
    PLUGINS_ALLOW_UNCONFINED("plugins-allow-unconfined-workers", "false", false,
            "run plugin workers without bubblewrap where the machine offers no namespaces (audited; unsafe)"),
    JOB_WORKERS("job-workers", "2", false, "generation jobs this node runs at once"),
    JOB_LEASE_SECONDS("job-lease-seconds", "30", false,
            "how long a crashed node's jobs wait before another node resumes them"),
    JOB_QUEUE_CAPACITY("job-queue-capacity", "100", false, "jobs that may wait or run per plugin before 429"),
    AUDIT_RETENTION_DAYS("audit-retention-days", "183", false, "days audit payloads are kept (at least 183)"),
    AUDIT_CHECKPOINT_INTERVAL_SECONDS("audit-checkpoint-interval-seconds", "60", false,
            "how often the server signs an audit checkpoint when the log grew"),
    AUDIT_CHECKPOINT_SINKS("audit-checkpoint-sinks", null, false,
            "where each new audit checkpoint is also published, comma-separated: dir:/path, git:/work-tree, "
                    + "http(s)://url (docs/audit.md)"),
    AUDIT_WITNESSES("audit-witnesses", null, false,
            "C2SP witnesses asked to cosign each audit checkpoint, comma-separated '<witness vkey> <URL>' "
                    + "(docs/audit.md)"),
    AUDIT_WITNESS_QUORUM("audit-witness-quorum", null, false,
            "how many audit witnesses must cosign each checkpoint (default: all configured)"),
    AUDIT_PKCS11_LIBRARY("audit-pkcs11-library", null, false,
            "PKCS#11 module of the HSM holding the audit signing key (e.g. /usr/lib/softhsm/libsofthsm2.so); unset: "
                    + "the key file in <data-dir>/keys"),
    AUDIT_PKCS11_TOKEN("audit-pkcs11-token", "hallmark", false, "label of the HSM token holding the audit key"),
    AUDIT_PKCS11_KEY("audit-pkcs11-key", "platform", false, "label of the Ed25519 key pair on that token"),
    AUDIT_PKCS11_PIN("audit-pkcs11-pin", null, true, "user PIN of that token"),
    AUDIT_RETENTION_INTERVAL_HOURS("audit-retention-interval-hours", "24", false,
            "how often the server applies audit retention (0: never; then run `hallmark audit retention`)"),
    EVAL_DIR("eval-dir", null, false,
            "the shared evaluation data governance models train from on first use (default ../shared/eval)"),
    RETRIEVAL_BACKEND("retrieval-backend", "local", false,
            "where knowledge bases keep and search their chunks: local (a Lucene index per knowledge base on each "
                    + "node, following the PostgreSQL record) or solrcloud (a SolrCloud collection per knowledge base, "
                    + "written by the node that ingests; solrcloud.* settings)"),
    SOLRCLOUD_ZK_HOST("solrcloud.zk-host", null, false,
            "retrieval-backend=solrcloud: the cluster's ZooKeeper ensemble with optional chroot, e.g. "
                    + "zk1:2181,zk2:2181/solr (or set solrcloud.urls, not both)"),
    SOLRCLOUD_URLS("solrcloud.urls", null, false,
            "retrieval-backend=solrcloud: Solr node URLs, comma-separated, e.g. http://solr1:8983/solr"),
    SOLRCLOUD_COLLECTION("solrcloud.collection", "hallmark", false,
            "retrieval-backend=solrcloud: the default knowledge base's collection; knowledge base NAME uses "
                    + "<collection>_NAME"),
    SOLRCLOUD_SHARDS("solrcloud.shards", "2", false, "retrieval-backend=solrcloud: shards of a new collection (1-64)"),
    SOLRCLOUD_REPLICAS("solrcloud.replicas", "1", false,
            "retrieval-backend=solrcloud: replicas per shard of a new collection (1-16)"),
    FACTCHECK_KB("factcheck-kb", "default", false,
            "knowledge base generated text is fact-checked against (<data-dir>/kb/NAME); skipped while it does not exist"),
    FACTCHECK_LLM_JUDGE("factcheck-llm-judge", "off", false,
            "LLM-judge verifier in the fact check: off, local (a Llama model run in-process) or openai (an "
                    + "OpenAI-compatible endpoint)"),
    FACTCHECK_LLM_JUDGE_MODEL("factcheck-llm-judge-model", null, false,
            "the judge's model: local, a model file or folder in the model directory (e.g. "
                    + "stories260k/stories260K-f32.gguf); openai, the model name"),
    FACTCHECK_LLM_JUDGE_BASE_URL("factcheck-llm-judge-base-url", null, false,
            "openai: the endpoint's base URL (e.g. https://api.openai.com/v1 or http://127.0.0.1:8000/v1)"),
    FACTCHECK_LLM_JUDGE_API_KEY_ENV("factcheck-llm-judge-api-key-env", null, false,
            "openai: the NAME of the environment variable holding the API key (empty: no key); the key is never "
                    + "logged or shown"),
    FACTCHECK_LLM_JUDGE_TIMEOUT_SECONDS("factcheck-llm-judge-timeout-seconds", "30", false,
            "the longest the judge may take over one claim before it abstains (NOT_ENOUGH_INFO)"),
    GUARD_BASE_URL("guard-base-url", null, false,
            "the optional guard model's OpenAI-compatible endpoint (e.g. http://127.0.0.1:8000/v1); empty: no guard, "
                    + "the built-in safety screens alone (docs/input.md, \"Guard model (optional)\")"),
    GUARD_MODEL("guard-model", null, false,
            "the guard's model name at that endpoint, e.g. meta-llama/Llama-Guard-3-8B or Qwen/Qwen3Guard-Gen-0.6B"),
    GUARD_API_KEY("guard-api-key", null, true, "the guard endpoint's API key (empty: none); never logged or reported"),
    GUARD_STYLE("guard-style", "llama-guard-3", false,
            "how the guard is asked and its answer read: llama-guard-3, qwen3guard or plain (a classification prompt)"),
    GUARD_TIMEOUT_SECONDS("guard-timeout-seconds", "10", false,
            "the longest the guard may take over one request; past it the guard's check is UNAVAILABLE (fail closed)"),
    GUARD_INPUTS("guard-inputs", "prompt,documents", false,
            "what the guard reads, comma-separated: prompt, documents (sent beside the prompt), output"),
    GUARD_COMBINE("guard-combine", "either", false,
            "either (a guard's flag raises the built-in metric the policies act on: either flags, it is flagged) or "
                    + "report (scored as safety.guard only; only rules naming it act)"),
    GOVERNANCE_CHECK_TIMEOUT_SECONDS("governance-check-timeout-seconds", "120", false,
            "the longest one governance check may take on one item; past it the check is UNAVAILABLE and the item "
                    + "goes to review (fail closed)"),
    GOVERNANCE_SCREEN_UNAVAILABLE("governance-screen-unavailable", "reject", false,
            "what happens to a prompt when an input screen could not run: reject, or review (a person decides)"),
    GOVERNANCE_MODEL_FOLLOW_SECONDS("governance-model-follow-seconds", "10", false,
            "how often a server checks which governance model versions are active cluster-wide and switches to them");

    private final String key;
    private final @Nullable String defaultValue;
    private final boolean secret;
    private final String description;

    ConfigKey(String key, @Nullable String defaultValue, boolean secret, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
    }

    /** The name in config files and after {@code --} on the command line, e.g. {@code db-url}. */
    public String key() {
        return key;
    }

    /** The environment variable, e.g. {@code HALLMARK_DB_URL} ({@code HALLMARK_SOLRCLOUD_ZK_HOST} for {@code solrcloud.zk-host}). */
    public String envVar() {
        return "HALLMARK_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    public @Nullable String defaultValue() {
        return defaultValue;
    }

    /** Whether the value is masked when the configuration is printed or logged. */
    public boolean secret() {
        return secret;
    }

    public String description() {
        return description;
    }

    /** Finds a key by its file/CLI name. */
    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** All valid names, for error messages. */
    public static String validKeys() {
        return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.joining(", "));
    }
}
