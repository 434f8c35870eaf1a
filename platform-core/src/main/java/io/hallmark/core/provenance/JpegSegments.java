package io.hallmark.core.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The standard marks in a JPEG (ITU T.81 marker segments before the first scan): the XMP packet in an APP1
 * segment (namespace {@code http://ns.adobe.com/xap/1.0/}) and the C2PA manifest store in APP11 segments as
 * JPEG XT boxes (ISO/IEC 18477-3: {@code "JP"}, box instance, packet sequence, then the JUMBF box; each
 * continuation segment repeats the box's length and type). Both go right after SOI and the JFIF APP0; removing
 * them gives back the JPEG exactly as it was, which is what Hallmark's own manifest hash covers.
 */
public final class JpegSegments {

    private static final byte[] XMP_NAMESPACE = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP11 = 0xEB;
    private static final int SOS = 0xDA;
    private static final int MAX_SEGMENT = 0xFFFF;
    /** Lp, "JP", En, Z. */
    private static final int APP11_HEADER = 2 + 2 + 2 + 4;

    private JpegSegments() {}

    public static boolean isJpeg(byte[] bytes) {
        return bytes.length >= 4 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
    }

    /** The JPEG without the XMP APP1 and C2PA APP11 segments Hallmark writes. */
    public static byte[] withoutMarks(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == SOS) {
                break;
            }
            int length = segmentLength(jpeg, pos);
            if (!isXmp(jpeg, pos) && !isC2pa(jpeg, pos)) {
                out.write(jpeg, pos, 2 + length);
            }
            pos += 2 + length;
        }
        out.write(jpeg, pos, jpeg.length - pos);
        return out.toByteArray();
    }

    /** Adds the XMP packet as an APP1 segment after SOI (and the JFIF APP0). */
    public static byte[] withXmp(byte[] jpeg, byte[] xmp) {
        if (XMP_NAMESPACE.length + xmp.length + 2 > MAX_SEGMENT) {
            throw new IllegalArgumentException("The XMP packet is too large for one APP1 segment: " + xmp.length);
        }
        return insertAfterHeader(jpeg, segment(APP1, ContentCredentials.concat(XMP_NAMESPACE, xmp)));
    }

    /** The C2PA container of a JPEG: APP11 segments after SOI (and APP0), bound by {@code c2pa.hash.data}. */
    static ManifestContainer contentCredentials() {
        return new ManifestContainer() {
            @Override
            public byte[] place(byte[] asset, byte[] store) {
                byte[] clean = withoutC2pa(asset);
                return insertAfterHeader(clean, app11Segments(store));
            }

            @Override
            public HardBinding bind(byte[] placed) {
                int pos = 2;
                int start = -1;
                int end = -1;
                while (pos + 4 <= placed.length && (placed[pos + 1] & 0xFF) != SOS) {
                    int next = pos + 2 + segmentLength(placed, pos);
                    if (isC2pa(placed, pos)) {
                        start = start < 0 ? pos : start;
                        end = next;
                    }
                    pos = next;
                }
                if (start < 0) {
                    throw new IllegalStateException("No C2PA APP11 segment in the JPEG");
                }
                return ContentCredentials.dataHash(placed, start, end - start);
            }
        };
    }

    /** Where the JUMBF box of the first C2PA APP11 segment starts, or -1. */
    static int firstC2paBox(byte[] jpeg) {
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos + 1] & 0xFF) != SOS) {
            if (isC2pa(jpeg, pos)) {
                return pos + 2 + APP11_HEADER;
            }
            pos += 2 + segmentLength(jpeg, pos);
        }
        return -1;
    }

    /** The store split into APP11 segments; continuation segments repeat the JUMBF box's LBox and TBox. */
    static byte[] app11Segments(byte[] store) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int maxFirst = MAX_SEGMENT - APP11_HEADER;
        int maxNext = maxFirst - 8;
        int pos = 0;
        int sequence = 1;
        while (pos < store.length || sequence == 1) {
            boolean first = sequence == 1;
            int take = Math.min(store.length - pos, first ? maxFirst : maxNext);
            int length = APP11_HEADER + (first ? 0 : 8) + take;
            ByteBuffer b = ByteBuffer.allocate(2 + length);
            b.put((byte) 0xFF).put((byte) APP11).putShort((short) length).put((byte) 'J').put((byte) 'P')
                    .putShort((short) 1).putInt(sequence);
            if (!first) {
                b.put(store, 0, 8);
            }
            b.put(store, pos, take);
            out.writeBytes(b.array());
            pos += take;
            sequence++;
            if (store.length == 0) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static byte[] withoutC2pa(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos + 1] & 0xFF) != SOS) {
            int length = segmentLength(jpeg, pos);
            if (!isC2pa(jpeg, pos)) {
                out.write(jpeg, pos, 2 + length);
            }
            pos += 2 + length;
        }
        out.write(jpeg, pos, jpeg.length - pos);
        return out.toByteArray();
    }

    private static byte[] insertAfterHeader(byte[] jpeg, byte[] segments) {
        if (!isJpeg(jpeg)) {
            throw new IllegalArgumentException("Not a JPEG file (no SOI marker)");
        }
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == APP0) {
            at += 2 + segmentLength(jpeg, 2); // JFIF's APP0 must stay first
        }
        byte[] out = new byte[jpeg.length + segments.length];
        System.arraycopy(jpeg, 0, out, 0, at);
        System.arraycopy(segments, 0, out, at, segments.length);
        System.arraycopy(jpeg, at, out, at + segments.length, jpeg.length - at);
        return out;
    }

    private static byte[] segment(int marker, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + payload.length);
        b.put((byte) 0xFF).put((byte) marker).putShort((short) (2 + payload.length)).put(payload);
        return b.array();
    }

    private static int segmentLength(byte[] jpeg, int pos) {
        if (pos + 4 > jpeg.length) {
            throw new IllegalArgumentException("Truncated JPEG segment at byte " + pos);
        }
        int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
        if (length < 2 || pos + 2 + length > jpeg.length) {
            throw new IllegalArgumentException("Damaged JPEG segment at byte " + pos);
        }
        return length;
    }

    private static boolean isXmp(byte[] jpeg, int pos) {
        return (jpeg[pos + 1] & 0xFF) == APP1 && segmentLength(jpeg, pos) >= 2 + XMP_NAMESPACE.length
                && Arrays.equals(jpeg, pos + 4, pos + 4 + XMP_NAMESPACE.length, XMP_NAMESPACE, 0, XMP_NAMESPACE.length);
    }

    /** An APP11 JPEG XT box segment holding a JUMBF box whose description says C2PA (or any {@code jumb}). */
    private static boolean isC2pa(byte[] jpeg, int pos) {
        return (jpeg[pos + 1] & 0xFF) == APP11 && segmentLength(jpeg, pos) >= APP11_HEADER + 8
                && jpeg[pos + 4] == 'J' && jpeg[pos + 5] == 'P'
                && new String(jpeg, pos + 2 + APP11_HEADER + 4, 4, StandardCharsets.ISO_8859_1).equals("jumb");
    }
}
