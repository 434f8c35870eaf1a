package io.hallmark.worker;

/**
 * The message types of the worker protocol, version {@value #VERSION} (see docs/plugin-guide.md, "Worker protocol").
 * Every frame is a JSON object with {@code v} (the protocol version), {@code type} and, for calls, an {@code id}.
 */
public final class Protocol {

    /** The protocol version both sides must speak. */
    public static final int VERSION = 1;

    // worker -> host, once at start
    /** The plugin loaded and started; carries its description. */
    public static final String READY = "ready";
    /** The plugin could not be loaded or started; carries the cause. The worker exits after it. */
    public static final String FAILED = "failed";

    // host -> worker requests (answered by RESULT or ERROR with the same id)
    public static final String DESCRIBE = "describe";
    public static final String VALIDATE = "validate";
    public static final String GENERATE = "generate";
    public static final String CHECK = "check";
    public static final String HEALTH = "health";
    /** Asks the call with {@code id} to stop; no answer of its own (the call ends with an error). */
    public static final String CANCEL = "cancel";
    /** Stops the plugin and exits. */
    public static final String SHUTDOWN = "shutdown";

    // worker -> host, during a call
    public static final String STREAM = "stream";
    public static final String PROGRESS = "progress";
    public static final String LOG = "log";
    /** A call back to the host (model lease, model operation, knowledge-base search); answered by REPLY. */
    public static final String HOST_CALL = "host";

    // answers
    public static final String RESULT = "result";
    public static final String ERROR = "error";
    /** The host's answer to a HOST_CALL. */
    public static final String REPLY = "reply";

    // host operations a worker may call (HOST_CALL "op")
    public static final String OP_LEASE_MODEL = "models.lease";
    public static final String OP_MODEL_GENERATE = "models.generate";
    public static final String OP_RELEASE_MODEL = "models.release";
    /** Embeds texts with a leased host embedding model: {@code texts}, {@code queries}; reply {@code vectors}. */
    public static final String OP_MODEL_EMBED = "models.embed";
    /**
     * Draws one image with a leased host ONNX image model: {@code prompt}, {@code options}; reply {@code png}
     * (base64) or, over {@link #INLINE_IMAGE_BYTES}, {@code file} (a path in the worker's folder the worker reads
     * and deletes).
     */
    public static final String OP_MODEL_IMAGE = "models.image";
    /** The largest image the host inlines in a {@code models.image} reply; larger ones travel as a file. */
    public static final int INLINE_IMAGE_BYTES = 1024 * 1024;
    /** Reads a chunk of a small model file (a corpus, a vocabulary) for a copy in the worker's folder. */
    public static final String OP_READ_MODEL = "models.read";
    public static final String OP_KB_SEARCH = "kb.search";

    private Protocol() {}
}
