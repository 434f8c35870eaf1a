package io.hallmark.core.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JUMBF boxes (ISO/IEC 19566-5) as C2PA uses them: a superbox {@code jumb} opens with a description box
 * {@code jumd} (16-byte content type, toggles, label), then holds content boxes ({@code cbor}, {@code json}) or
 * further superboxes. C2PA's content types are {@code <4 ASCII letters>-0011-0010-8000-00AA00389B71}.
 */
final class Jumbf {

    static final byte[] MANIFEST_STORE = type("c2pa");
    static final byte[] MANIFEST = type("c2ma");
    static final byte[] ASSERTION_STORE = type("c2as");
    static final byte[] CLAIM = type("c2cl");
    static final byte[] SIGNATURE = type("c2cs");
    static final byte[] CBOR = type("cbor");
    static final byte[] JSON = type("json");

    private Jumbf() {}

    private static byte[] type(String fourLetters) {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.put(fourLetters.getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) 0x0011).putShort((short) 0x0010);
        b.put(new byte[] {(byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        return b.array();
    }

    /** A plain ISO BMFF box: 32-bit length, 4-letter type, payload. */
    static byte[] box(String type, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putInt(8 + payload.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(payload);
        return b.array();
    }

    /** A superbox of the given content type and label (requestable, so {@code self#jumbf=} URIs reach it). */
    static byte[] superbox(byte[] contentType, String label, byte[]... contents) {
        ByteArrayOutputStream description = new ByteArrayOutputStream();
        description.writeBytes(contentType);
        description.write(0x03); // toggles: requestable, label present
        description.writeBytes(label.getBytes(StandardCharsets.UTF_8));
        description.write(0);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(box("jumd", description.toByteArray()));
        for (byte[] content : contents) {
            payload.writeBytes(content);
        }
        return box("jumb", payload.toByteArray());
    }

    /** A superbox holding one CBOR content box (an assertion, the claim or the signature). */
    static byte[] cborBox(byte[] contentType, String label, byte[] cbor) {
        return superbox(contentType, label, box("cbor", cbor));
    }

    /** What C2PA hashes of a box it references: the box without its 8-byte length and type header. */
    static byte[] withoutHeader(byte[] box) {
        return Arrays.copyOfRange(box, 8, box.length);
    }
}
