package io.hallmark.core.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Reads and writes Hallmark's provenance in a PNG as an uncompressed international text chunk ({@code iTXt},
 * PNG specification section 11.3.3.4) with the keyword {@value #KEYWORD}, written just before {@code IEND}
 * with its CRC-32. Removing that chunk gives back the PNG exactly as it was before marking, which is what the
 * manifest's content hash covers. It also places the standard marks right after {@code IHDR}, before the image
 * data: the XMP packet ({@code iTXt} {@value #XMP_KEYWORD}) and the C2PA manifest store ({@code caBX}); splitting
 * removes those too.
 */
public final class PngChunks {

    public static final String KEYWORD = "hallmark-provenance";
    /** The iTXt keyword of an XMP packet (XMP specification part 3). */
    public static final String XMP_KEYWORD = "XML:com.adobe.xmp";
    /** The chunk type C2PA keeps its manifest store in. */
    public static final String C2PA_CHUNK = "caBX";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** A PNG split into Hallmark's provenance text and the rest of the file. */
    public record Split(Optional<String> provenance, byte[] withoutProvenance) {}

    private PngChunks() {}

    public static boolean isPng(byte[] bytes) {
        return bytes.length >= 8 && Arrays.equals(Arrays.copyOf(bytes, 8), SIGNATURE);
    }

    /** Returns the PNG with the text added as a {@code hallmark-provenance} iTXt chunk before IEND. */
    public static byte[] embed(byte[] png, String text) {
        Split split = split(png);
        byte[] clean = split.withoutProvenance();
        int iend = findIend(clean);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0); // keyword terminator
        data.write(0); // compression flag: uncompressed
        data.write(0); // compression method
        data.write(0); // empty language tag, terminated
        data.write(0); // empty translated keyword, terminated
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        byte[] chunk = chunk("iTXt", data.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream(clean.length + chunk.length);
        out.write(clean, 0, iend);
        out.writeBytes(chunk);
        out.write(clean, iend, clean.length - iend);
        return out.toByteArray();
    }

    /** Splits off Hallmark's iTXt chunk(s); the last one found is the provenance. */
    public static Split split(byte[] png) {
        if (!isPng(png)) {
            throw new IllegalArgumentException("Not a PNG file (bad signature)");
        }
        ByteArrayOutputStream rest = new ByteArrayOutputStream(png.length);
        rest.write(png, 0, 8);
        String found = null;
        int pos = 8;
        while (pos + 12 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            if (length < 0 || pos + 12L + length > png.length) {
                throw new IllegalArgumentException("Truncated PNG chunk at byte " + pos);
            }
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int end = pos + 12 + length;
            String text = type.equals("iTXt") ? ourText(png, pos + 8, length) : null;
            if (type.equals(C2PA_CHUNK) || type.equals("iTXt") && hasKeyword(png, pos + 8, length, XMP_KEYWORD)) {
                pos = end; // standard marks Hallmark writes: the XMP packet and the C2PA manifest store
                continue;
            }
            if (text != null) {
                CRC32 crc = new CRC32();
                crc.update(png, pos + 4, 4 + length);
                if ((int) crc.getValue() != ByteBuffer.wrap(png, pos + 8 + length, 4).getInt()) {
                    throw new IllegalArgumentException("The hallmark-provenance chunk's CRC does not match: the chunk is damaged");
                }
                found = text;
            } else {
                rest.write(png, pos, end - pos);
            }
            pos = end;
            if (type.equals("IEND")) {
                break;
            }
        }
        if (pos < png.length) {
            rest.write(png, pos, png.length - pos);
        }
        return new Split(Optional.ofNullable(found), rest.toByteArray());
    }

    private static boolean hasKeyword(byte[] png, int data, int length, String name) {
        byte[] keyword = name.getBytes(StandardCharsets.ISO_8859_1);
        return length >= keyword.length + 5 && Arrays.equals(png, data, data + keyword.length, keyword, 0, keyword.length)
                && png[data + keyword.length] == 0;
    }

    private static String ourText(byte[] png, int data, int length) {
        byte[] keyword = KEYWORD.getBytes(StandardCharsets.ISO_8859_1);
        if (!hasKeyword(png, data, length, KEYWORD)) {
            return null;
        }
        int p = data + keyword.length + 1;
        if (png[p] != 0) {
            throw new IllegalArgumentException("Compressed hallmark-provenance chunks are not supported");
        }
        p += 2; // compression flag and method
        int end = data + length;
        while (p < end && png[p] != 0) {
            p++; // language tag
        }
        p++;
        while (p < end && png[p] != 0) {
            p++; // translated keyword
        }
        p++;
        return new String(png, p, Math.max(0, end - p), StandardCharsets.UTF_8);
    }

    /**
     * Adds the XMP packet as an uncompressed {@code XML:com.adobe.xmp} iTXt chunk right after IHDR (before the
     * image data, where XMP readers look for it).
     */
    public static byte[] withXmp(byte[] png, byte[] xmp) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(XMP_KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[] {0, 0, 0, 0, 0}); // terminator, uncompressed, method, empty language and keyword
        data.writeBytes(xmp);
        return afterHeader(png, chunk("iTXt", data.toByteArray()));
    }

    /** The C2PA container of a PNG: a {@code caBX} chunk right after IHDR, bound by {@code c2pa.hash.data}. */
    static ManifestContainer contentCredentials() {
        return new ManifestContainer() {
            @Override
            public byte[] place(byte[] asset, byte[] store) {
                return afterHeader(asset, chunk(C2PA_CHUNK, store));
            }

            @Override
            public HardBinding bind(byte[] placed) {
                int pos = 8;
                while (pos + 12 <= placed.length) {
                    int length = ByteBuffer.wrap(placed, pos, 4).getInt();
                    if (new String(placed, pos + 4, 4, StandardCharsets.ISO_8859_1).equals(C2PA_CHUNK)) {
                        return ContentCredentials.dataHash(placed, pos, 12 + length);
                    }
                    pos += 12 + length;
                }
                throw new IllegalStateException("No caBX chunk in the PNG");
            }
        };
    }

    /** Inserts a chunk right after IHDR (the first chunk), dropping any C2PA chunk already there. */
    private static byte[] afterHeader(byte[] png, byte[] chunk) {
        int ihdrLength = ByteBuffer.wrap(png, 8, 4).getInt();
        int afterIhdr = 8 + 12 + ihdrLength;
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + chunk.length);
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk);
        int pos = afterIhdr;
        boolean placingStore = new String(chunk, 4, 4, StandardCharsets.ISO_8859_1).equals(C2PA_CHUNK);
        while (pos + 12 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            boolean oldStore = placingStore
                    && new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1).equals(C2PA_CHUNK);
            if (!oldStore) {
                out.write(png, pos, 12 + length);
            }
            pos += 12 + length;
        }
        out.write(png, pos, png.length - pos);
        return out.toByteArray();
    }

    private static int findIend(byte[] png) {
        int pos = 8;
        while (pos + 12 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("IEND")) {
                return pos;
            }
            pos += 12 + length;
        }
        throw new IllegalArgumentException("PNG without an IEND chunk");
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
        return b.array();
    }
}
