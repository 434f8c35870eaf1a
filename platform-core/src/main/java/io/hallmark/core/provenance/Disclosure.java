package io.hallmark.core.provenance;

/**
 * The optional human-readable disclosure for generated text and code (EU AI Act Art. 50): one line after a
 * blank line, for example
 * {@code AI-generated with Hallmark (text-generator 1.0.0, model stories260k); provenance record sha256:0f3a...}.
 * The manifest's content hash covers the text without it; {@link ProvenanceVerifier} recognises the exact line.
 */
public final class Disclosure {

    private Disclosure() {}

    public static String line(ProvenanceManifest m) {
        return "AI-generated with Hallmark (" + m.pluginId() + " " + m.pluginVersion()
                + (m.modelId() == null ? "" : ", model " + m.modelId()) + "); provenance record sha256:"
                + m.contentSha256().substring(0, 16);
    }

    /** What is appended to the text: a blank line, the disclosure line, a newline. */
    static String suffix(ProvenanceManifest m) {
        return "\n\n" + line(m) + "\n";
    }
}
