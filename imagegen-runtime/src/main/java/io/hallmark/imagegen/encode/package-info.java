/**
 * Encoding generated images: {@link io.hallmark.imagegen.encode.ImageEncoder} writes a
 * {@link io.hallmark.imagegen.FloatImage} as PNG (generation parameters in iTXt chunks) or JPEG (in a comment
 * segment); {@link io.hallmark.imagegen.encode.ImageFormat} names the formats.
 */
package io.hallmark.imagegen.encode;
