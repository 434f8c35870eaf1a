package io.hallmark.core.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes Hallmark's provenance in an MP4 (ISO base media file, ISO/IEC 14496-12) as a top-level
 * {@code uuid} box (a user extension box: 16-byte extended type {@link #USER_TYPE}, then the manifest as UTF-8)
 * appended after the file's last box. Players skip unknown top-level boxes; removing the box gives back the file
 * exactly as it was before marking, which is what the manifest's content hash covers. The standard marks go there
 * too, as top-level {@code uuid} boxes after the last box (so no chunk offset in {@code moov} moves): the XMP packet
 * ({@link #XMP_USER_TYPE}) and the C2PA manifest store ({@link #C2PA_USER_TYPE}); splitting removes those too.
 */
public final class Mp4Boxes {

    /** The extended type of Hallmark's provenance box: the name-based UUID of {@code hallmark-provenance}. */
    public static final UUID USER_TYPE = UUID.nameUUIDFromBytes("hallmark-provenance".getBytes(StandardCharsets.UTF_8));

    /** The extended type of the XMP box (XMP specification part 3, section 1.1.4). */
    public static final UUID XMP_USER_TYPE = UUID.fromString("be7acfcb-97a9-42e8-9c71-999491e3afac");
    /** The extended type of the C2PA manifest store box (C2PA specification, embedding in BMFF). */
    public static final UUID C2PA_USER_TYPE = UUID.fromString("d8fec3d6-1b0e-483c-9297-5828877ec481");

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
            if (type.equals("uuid") && size >= headerSize + 16 && (is(mp4, (int) pos + headerSize, XMP_USER_TYPE)
                    || is(mp4, (int) pos + headerSize, C2PA_USER_TYPE))) {
                pos += size; // standard marks Hallmark writes: the XMP packet and the C2PA manifest store
                continue;
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
        return is(mp4, at, USER_TYPE);
    }

    private static boolean is(byte[] mp4, int at, UUID type) {
        ByteBuffer b = ByteBuffer.wrap(mp4, at, 16);
        return b.getLong() == type.getMostSignificantBits() && b.getLong() == type.getLeastSignificantBits();
    }

    /** A top-level box: where it starts, how long it is, its type, and the user type of a {@code uuid} box. */
    record TopBox(int offset, int size, String type, UUID userType) {}

    /** The file's top-level boxes in order. */
    static List<TopBox> topBoxes(byte[] mp4) {
        List<TopBox> boxes = new ArrayList<>();
        int pos = 0;
        while (pos + 8 <= mp4.length) {
            long size = Integer.toUnsignedLong(ByteBuffer.wrap(mp4, pos, 4).getInt());
            String type = new String(mp4, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                size = ByteBuffer.wrap(mp4).getLong(pos + 8);
                header = 16;
            } else if (size == 0) {
                size = mp4.length - pos;
            }
            if (size < header || pos + size > mp4.length) {
                throw new IllegalArgumentException("Truncated or damaged MP4 box '" + type + "' at byte " + pos);
            }
            UUID user = null;
            if (type.equals("uuid") && size >= header + 16) {
                ByteBuffer b = ByteBuffer.wrap(mp4, pos + header, 16);
                user = new UUID(b.getLong(), b.getLong());
            }
            boxes.add(new TopBox(pos, (int) size, type, user));
            pos += (int) size;
        }
        return boxes;
    }

    /** Appends the XMP packet as a top-level {@code uuid} box (replacing an earlier one). */
    public static byte[] withXmp(byte[] mp4, byte[] xmp) {
        return append(without(mp4, XMP_USER_TYPE), uuidBox(XMP_USER_TYPE, xmp));
    }

    /**
     * The C2PA container of an MP4: a top-level {@code uuid} box (a full box: version 0, flags 0, purpose
     * {@code manifest}, 8-byte merkle offset 0, the JUMBF store) appended after the last box, so no chunk offset
     * in {@code moov} moves; bound by {@code c2pa.hash.bmff.v2}.
     */
    static ManifestContainer contentCredentials() {
        return new ManifestContainer() {
            @Override
            public byte[] place(byte[] asset, byte[] store) {
                byte[] purpose = "manifest\0".getBytes(StandardCharsets.US_ASCII);
                byte[] payload = ByteBuffer.allocate(4 + purpose.length + 8 + store.length).putInt(0).put(purpose)
                        .putLong(0).put(store).array();
                return append(without(asset, C2PA_USER_TYPE), uuidBox(C2PA_USER_TYPE, payload));
            }

            @Override
            public HardBinding bind(byte[] placed) {
                return bmffHash(placed);
            }
        };
    }

    /**
     * {@code c2pa.hash.bmff.v2}: SHA-256 over the top-level boxes in order, each preceded by its offset as an
     * 8-byte big-endian integer, leaving out {@code ftyp}, {@code mfra} and the C2PA {@code uuid} box (the
     * exclusions the assertion lists by XPath, the last one by its user type at byte 8).
     */
    static ManifestContainer.HardBinding bmffHash(byte[] mp4) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (TopBox box : topBoxes(mp4)) {
                if (box.type().equals("ftyp") || box.type().equals("mfra") || C2PA_USER_TYPE.equals(box.userType())) {
                    continue;
                }
                d.update(ByteBuffer.allocate(8).putLong(box.offset()).array());
                d.update(mp4, box.offset(), box.size());
            }
            ByteBuffer uuid = ByteBuffer.allocate(16).putLong(C2PA_USER_TYPE.getMostSignificantBits())
                    .putLong(C2PA_USER_TYPE.getLeastSignificantBits());
            Map<String, Object> c2paBox = new LinkedHashMap<>();
            c2paBox.put("xpath", "/uuid");
            c2paBox.put("data", List.of(Map.of("offset", 8, "value", uuid.array())));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("exclusions", List.of(c2paBox, Map.of("xpath", "/ftyp"),
                    Map.of("xpath", "/mfra")));
            a.put("alg", "sha256");
            a.put("hash", d.digest());
            a.put("name", "jumbf manifest");
            return new ManifestContainer.HardBinding("c2pa.hash.bmff.v2", a);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] without(byte[] mp4, UUID userType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(mp4.length);
        for (TopBox box : topBoxes(mp4)) {
            if (!userType.equals(box.userType())) {
                out.write(mp4, box.offset(), box.size());
            }
        }
        return out.toByteArray();
    }

    private static byte[] uuidBox(UUID userType, byte[] payload) {
        return ByteBuffer.allocate(8 + 16 + payload.length).putInt(8 + 16 + payload.length)
                .put("uuid".getBytes(StandardCharsets.ISO_8859_1)).putLong(userType.getMostSignificantBits())
                .putLong(userType.getLeastSignificantBits()).put(payload).array();
    }

    private static byte[] append(byte[] mp4, byte[] box) {
        byte[] out = Arrays.copyOf(mp4, mp4.length + box.length);
        System.arraycopy(box, 0, out, mp4.length, box.length);
        return out;
    }
}
