package io.hallmark.api.input;

import io.hallmark.api.GenerationRequest;
import java.util.regex.Pattern;

/**
 * The documented maximum lengths (in UTF-16 characters) and alphabets of the fields that enter the platform; the
 * REST API, the CLI and {@code docs/input.md} use these and only these.
 */
public final class FieldLimits {

    private FieldLimits() {}

    /** A prompt, a text to check, an edited text: {@value}. */
    public static final int TEXT = GenerationRequest.MAX_PROMPT_CHARS;

    /** A comment, a description, a stop sequence list item, an OpenAI message name: {@value}. */
    public static final int SHORT_TEXT = 10_000;

    /** A label shown in lists (alert, token and export names, titles): {@value}. */
    public static final int LABEL = 200;

    /** A password: {@value}. */
    public static final int PASSWORD = 1_024;

    /** A query or path parameter value (URLs are at most 8 KiB anyway): {@value}. */
    public static final int PARAMETER = 2_000;

    /** Any other string inside a JSON body (generator parameters, metadata values): {@value}. */
    public static final int JSON_STRING = TEXT;

    /** Untrusted documents sent with a generation request, beside its instruction ({@code documents}): {@value}. */
    public static final int DOCUMENTS = 16;

    /** The text of one such document: {@value} (a prompt's limit). */
    public static final int DOCUMENT_TEXT = TEXT;

    /** The text of all documents of one request together: {@value}. */
    public static final int DOCUMENTS_TOTAL = 400_000;

    /** Channels, plugin ids and modality names: 1-64 lower-case letters, digits, '.', '_' or '-', a letter or digit first. */
    public static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** {@link #IDENTIFIER} in words, for messages. */
    public static final String IDENTIFIER_RULE = "1-64 lower-case letters, digits, '.', '_' or '-' starting with a "
            + "letter or digit";
}
