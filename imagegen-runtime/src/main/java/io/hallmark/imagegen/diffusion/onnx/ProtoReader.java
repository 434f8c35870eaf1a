package io.hallmark.imagegen.diffusion.onnx;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads protobuf wire format from a file by absolute position, so large length-delimited fields (an ONNX file's
 * weights) are skipped by seeking instead of being read.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final FileChannel channel;
    private final ByteBuffer window = ByteBuffer.allocate(64 * 1024);
    private long windowStart = -1;
    private long position;

    ProtoReader(FileChannel channel) {
        this.channel = channel;
    }

    long position() {
        return position;
    }

    void seek(long newPosition) {
        position = newPosition;
    }

    long readVarint() throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IOException("Malformed varint at byte " + position);
    }

    /** Reads a length prefix and returns where the field it announces ends. */
    long endOfField() throws IOException {
        long length = readVarint();
        return position + length;
    }

    String readString(long length) throws IOException {
        if (length > Integer.MAX_VALUE) {
            throw new IOException("String field of " + length + " bytes at byte " + position);
        }
        byte[] bytes = new byte[(int) length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) readByte();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Skips the value of a field whose tag (wire type) was just read. */
    void skip(int wireType) throws IOException {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> position += 8;
            case LENGTH_DELIMITED -> {
                long length = readVarint(); // read first: "position += readVarint()" would add to the old position
                position += length;
            }
            case FIXED32 -> position += 4;
            default -> throw new IOException("Unsupported protobuf wire type " + wireType + " at byte " + position);
        }
    }

    private int readByte() throws IOException {
        if (windowStart < 0 || position < windowStart || position >= windowStart + window.limit()) {
            window.clear();
            windowStart = position;
            channel.read(window, position);
            window.flip();
            if (!window.hasRemaining()) {
                throw new EOFException("Unexpected end of file at byte " + position);
            }
        }
        int b = window.get((int) (position - windowStart)) & 0xff;
        position++;
        return b;
    }
}
