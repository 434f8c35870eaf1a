package io.hallmark.api;

import io.hallmark.api.input.FieldLimits;
import io.hallmark.api.input.TextInput;
import java.util.List;
import java.util.Objects;

/**
 * An untrusted document sent with a request, beside the user's instruction (the prompt): an e-mail to summarize, a
 * page to answer from. It is data, never an instruction: the injection screen reads it, the harmful-request and
 * jailbreak screens keep reading the instruction, and a generator sees it marked as data.
 *
 * @param name a label for the document, 1-{@value FieldLimits#LABEL} characters without control characters
 * @param text its text, 1-{@value FieldLimits#DOCUMENT_TEXT} storable characters, not blank
 */
public record InputDocument(String name, String text) {

    public InputDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        TextInput.label("name", name, FieldLimits.LABEL);
        TextInput.checked("text", text, FieldLimits.DOCUMENT_TEXT);
        if (text.isBlank()) {
            throw InvalidRequestException.of("text", "A document's text must not be empty");
        }
    }

    /**
     * Checks the documents of one request, naming the field of the first problem as a client sent it
     * ({@code documents[2].text}): at most {@value FieldLimits#DOCUMENTS} documents, names unique, each name a label,
     * each text storable, not blank and at most {@value FieldLimits#DOCUMENT_TEXT} characters, all texts together at
     * most {@value FieldLimits#DOCUMENTS_TOTAL}.
     *
     * @throws InvalidRequestException naming the field otherwise
     */
    public static List<InputDocument> checked(List<InputDocument> documents) {
        if (documents.size() > FieldLimits.DOCUMENTS) {
            throw InvalidRequestException.of("documents", "A request carries at most " + FieldLimits.DOCUMENTS
                    + " documents, not " + documents.size());
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        long total = 0;
        for (int i = 0; i < documents.size(); i++) {
            InputDocument d = documents.get(i);
            if (!names.add(d.name())) {
                throw InvalidRequestException.of("documents[" + i + "].name", "Document names must be unique; '"
                        + TextInput.quote(d.name()) + "' appears twice");
            }
            total += d.text().length();
        }
        if (total > FieldLimits.DOCUMENTS_TOTAL) {
            throw InvalidRequestException.of("documents", "The documents hold " + total
                    + " characters together; the maximum is " + FieldLimits.DOCUMENTS_TOTAL);
        }
        return List.copyOf(documents);
    }

    /**
     * A document of a request from its fields as a client sent them, refusals naming {@code documents[i].name} or
     * {@code documents[i].text}.
     */
    public static InputDocument of(int index, String name, String text) {
        String field = "documents[" + index + "]";
        TextInput.label(field + ".name", name, FieldLimits.LABEL);
        TextInput.checked(field + ".text", text, FieldLimits.DOCUMENT_TEXT);
        if (text.isBlank()) {
            throw InvalidRequestException.of(field + ".text", "Field '" + field + ".text' must not be empty");
        }
        return new InputDocument(name, text);
    }
}
