package io.hallmark.retrieval.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes file bytes as UTF-8 text, refusing binary junk with a message that says what was found. */
final class TextDecoding {

    private TextDecoding() {}

    /**
     * Decodes strict UTF-8 (a leading byte-order mark is dropped).
     *
     * @throws UnreadableDocumentException when the bytes hold NUL bytes, are not UTF-8, or are mostly control
     *     characters
     */
    static String utf8(byte[] bytes, String name) {
        int sample = Math.min(bytes.length, 64 * 1024);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                throw new UnreadableDocumentException("'" + name + "' looks binary (a NUL byte at offset " + i
                        + "); only text, Markdown, HTML, PDF and JSON Lines files can be ingested");
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        if (sample > 0 && control * 10 > sample) {
            throw new UnreadableDocumentException("'" + name + "' looks binary (" + control + " control bytes in the first "
                    + sample + "); only text, Markdown, HTML, PDF and JSON Lines files can be ingested");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UnreadableDocumentException("'" + name + "' is not valid UTF-8 text (" + e.getMessage()
                    + "); convert it to UTF-8 and ingest it again");
        }
    }
}
