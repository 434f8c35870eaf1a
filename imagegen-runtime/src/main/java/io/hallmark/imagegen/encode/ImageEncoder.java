package io.hallmark.imagegen.encode;

import io.hallmark.imagegen.FloatImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes a {@link FloatImage} as PNG or JPEG with text metadata (the generation parameters): in a PNG each entry
 * is an uncompressed UTF-8 {@code iTXt} chunk right after {@code IHDR}, in a JPEG the entries are
 * {@code key=value} lines of one comment ({@code COM}) segment. The same image and metadata give the same bytes.
 */
public final class ImageEncoder {

    /** JPEG quality used when none is given. */
    public static final float DEFAULT_JPEG_QUALITY = 0.92f;

    private ImageEncoder() {}

    public static byte[] encode(FloatImage image, ImageFormat format, Map<String, String> metadata) {
        return switch (format) {
            case PNG -> png(image, metadata);
            case JPEG -> jpeg(image, DEFAULT_JPEG_QUALITY, metadata);
        };
    }

    public static byte[] png(FloatImage image, Map<String, String> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image.toBufferedImage(), "png", out)) {
                throw new IllegalStateException("No PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withTextChunks(out.toByteArray(), metadata);
    }

    /** Adds one {@code iTXt} chunk per entry after IHDR (keywords: 1-79 Latin-1 characters). */
    static byte[] withTextChunks(byte[] png, Map<String, String> metadata) {
        int afterIhdr = 8 + 12 + ByteBuffer.wrap(png, 8, 4).getInt();
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 256);
        out.write(png, 0, afterIhdr);
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String key = e.getKey();
            if (key.isEmpty() || key.length() > 79 || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(key)) {
                throw new IllegalArgumentException("PNG text keyword '" + key + "' must be 1-79 Latin-1 characters");
            }
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.writeBytes(key.getBytes(StandardCharsets.ISO_8859_1));
            data.write(0); // keyword terminator
            data.write(0); // uncompressed
            data.write(0); // compression method
            data.write(0); // no language tag
            data.write(0); // no translated keyword
            data.writeBytes(e.getValue().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(chunk("iTXt", data.toByteArray()));
        }
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(t).put(data).putInt((int) crc.getValue())
                .array();
    }

    /** The {@code tEXt} and uncompressed {@code iTXt} entries of a PNG, in file order. */
    public static Map<String, String> pngText(byte[] png) {
        Map<String, String> text = new LinkedHashMap<>();
        int pos = 8;
        while (pos + 12 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            if (length < 0 || pos + 12L + length > png.length) {
                throw new IllegalArgumentException("Truncated PNG chunk at byte " + pos);
            }
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int data = pos + 8;
            int end = data + length;
            if (type.equals("tEXt") || type.equals("iTXt")) {
                int nul = data;
                while (nul < end && png[nul] != 0) {
                    nul++;
                }
                String key = new String(png, data, nul - data, StandardCharsets.ISO_8859_1);
                if (type.equals("tEXt")) {
                    text.put(key, new String(png, nul + 1, end - nul - 1, StandardCharsets.ISO_8859_1));
                } else if (nul + 1 < end && png[nul + 1] == 0) {
                    int p = nul + 3;
                    while (p < end && png[p] != 0) {
                        p++;
                    }
                    p++;
                    while (p < end && png[p] != 0) {
                        p++;
                    }
                    p++;
                    text.put(key, new String(png, p, Math.max(0, end - p), StandardCharsets.UTF_8));
                }
            }
            if (type.equals("IEND")) {
                break;
            }
            pos = end + 4;
        }
        return text;
    }

    public static byte[] jpeg(FloatImage image, float quality, Map<String, String> metadata) {
        if (!(quality > 0 && quality <= 1)) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1], was " + quality);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("No JPEG writer in this Java runtime");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image.toBufferedImage(), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return withComment(out.toByteArray(), metadata);
    }

    /** Inserts a COM segment of {@code key=value} lines after SOI and a leading JFIF APP0 segment. */
    static byte[] withComment(byte[] jpeg, Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            return jpeg;
        }
        StringBuilder lines = new StringBuilder();
        metadata.forEach((k, v) -> lines.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        byte[] text = lines.toString().getBytes(StandardCharsets.UTF_8);
        if (text.length > 65533) {
            throw new IllegalArgumentException("JPEG comment of " + text.length + " bytes exceeds 65533");
        }
        int at = 2;
        if ((jpeg[2] & 0xff) == 0xff && (jpeg[3] & 0xff) == 0xe0) {
            at = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + text.length + 4);
        out.write(jpeg, 0, at);
        out.write(0xff);
        out.write(0xfe);
        out.write((text.length + 2) >> 8);
        out.write((text.length + 2) & 0xff);
        out.writeBytes(text);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }
}
