package io.hallmark.imagegen.encode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The still-image formats the encoder writes. WebP is not among them: no WebP writer on Maven Central works
 * offline in pure Java (the ImageIO WebP plugins there either only read or bundle a native libwebp), see
 * docs/image-generation.md.
 */
public enum ImageFormat {
    /** Lossless; the generation parameters in iTXt chunks. */
    PNG("image/png", "png"),
    /** Lossy; the generation parameters in a JPEG comment (COM) segment. */
    JPEG("image/jpeg", "jpg");

    private final String mediaType;
    private final String extension;

    ImageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Parses {@code png}, {@code jpeg} or {@code jpg}, case-insensitively; names the choices otherwise. */
    public static ImageFormat parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("jpg")) {
            return JPEG;
        }
        for (ImageFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Image format '" + name + "' is not one of "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + (n.equals("webp") ? " (WebP has no offline pure-Java writer; use png or jpeg)" : ""));
    }
}
