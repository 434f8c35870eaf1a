package io.hallmark.core.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes Hallmark's provenance in an MP4 (ISO base media file, ISO/IEC 14496-12) as a top-level
 * {@code uuid} box (a user extension box: 16-byte extended type {@link #USER_TYPE}, then the manifest as UTF-8)
 * appended after the file's last box. Players skip unknown top-level boxes; removing the box gives back the file
 * exactly as it was before marking, which is what the manifest's content hash covers.
 */
public final class Mp4Boxes {

    /** The extended type of Hallmark's provenance box: the name-based UUID of {@code hallmark-provenance}. */
    public static final UUID USER_TYPE = UUID.nameUUIDFromBytes("hallmark-provenance".getBytes(StandardCharsets.UTF_8));

    /** An MP4 split into Hallmark's provenance text and the rest of the file. */
    public record Split(Optional<String> provenance, byte[] withoutProvenance) {}

    private Mp4Boxes() {}

    /** Whether the bytes start with an ISO base media {@code ftyp} box. */
    public static boolean isMp4(byte[] bytes) {
        return bytes.length >= 12 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p';
    }

    /** Whether the bytes are an MP4 whose top-level boxes can be walked (else it is treated as opaque bytes). */
    public static boolean isWellFormedMp4(byte[] bytes) {
        if (!isMp4(bytes)) {
            return false;
        }
        try {
            split(bytes);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Returns the file with the text in a provenance {@code uuid} box at the end (replacing an earlier one). */
    public static byte[] embed(byte[] mp4, String text) {
        byte[] clean = split(mp4).withoutProvenance();
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer box = ByteBuffer.allocate(8 + 16 + payload.length);
        box.putInt(8 + 16 + payload.length).put("uuid".getBytes(StandardCharsets.ISO_8859_1))
                .putLong(USER_TYPE.getMostSignificantBits()).putLong(USER_TYPE.getLeastSignificantBits()).put(payload);
        byte[] out = Arrays.copyOf(clean, clean.length + box.capacity());
        System.arraycopy(box.array(), 0, out, clean.length, box.capacity());
        return out;
    }

    /** Splits off Hallmark's provenance box(es) among the top-level boxes; the last one found is the provenance. */
    public static Split split(byte[] mp4) {
        if (!isMp4(mp4)) {
            throw new IllegalArgumentException("Not an MP4 file (no ftyp box at the start)");
        }
        ByteArrayOutputStream rest = new ByteArrayOutputStream(mp4.length);
        String found = null;
        long pos = 0;
        while (pos + 8 <= mp4.length) {
            ByteBuffer header = ByteBuffer.wrap(mp4, (int) pos, Math.min(16, mp4.length - (int) pos));
            long size = Integer.toUnsignedLong(header.getInt());
            String type = new String(mp4, (int) pos + 4, 4, StandardCharsets.ISO_8859_1);
            int headerSize = 8;
            if (size == 1) {
                if (pos + 16 > mp4.length) {
                    throw new IllegalArgumentException("Truncated MP4 box header at byte " + pos);
                }
                size = ByteBuffer.wrap(mp4).getLong((int) pos + 8); // 64-bit largesize after the type
                headerSize = 16;
            } else if (size == 0) {
                size = mp4.length - pos;
            }
            if (size < headerSize || pos + size > mp4.length) {
                throw new IllegalArgumentException("Truncated or damaged MP4 box '" + type + "' at byte " + pos);
            }
            if (type.equals("uuid") && size >= headerSize + 16 && ours(mp4, (int) pos + headerSize)) {
                int start = (int) pos + headerSize + 16;
                found = new String(mp4, start, (int) (pos + size) - start, StandardCharsets.UTF_8);
            } else {
                rest.write(mp4, (int) pos, (int) size);
            }
            pos += size;
        }
        if (pos < mp4.length) {
            rest.write(mp4, (int) pos, mp4.length - (int) pos);
        }
        return new Split(Optional.ofNullable(found), rest.toByteArray());
    }

    private static boolean ours(byte[] mp4, int at) {
        ByteBuffer b = ByteBuffer.wrap(mp4, at, 16);
        return b.getLong() == USER_TYPE.getMostSignificantBits() && b.getLong() == USER_TYPE.getLeastSignificantBits();
    }
}
