package io.hallmark.imagegen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The inputs and outputs an ONNX file declares (name, element type, dimensions), read from the file's protobuf
 * graph without loading the model: DJL's ONNX Runtime engine reports input names but no shapes or types, and
 * pipelines must adapt to what a model takes (input dtypes and ranks differ between exporter versions). Weights
 * are skipped, not read, so this is cheap even for large files. Graph inputs that are initializers (older
 * exports list weights as inputs) are left out.
 *
 * @param inputs the graph's inputs in declaration order
 * @param outputs the graph's outputs in declaration order
 */
public record OnnxSignature(List<Tensor> inputs, List<Tensor> outputs) {

    /** ONNX {@code TensorProto.DataType} codes of the common element types. */
    public static final int FLOAT = 1;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int FLOAT16 = 10;
    public static final int DOUBLE = 11;

    /**
     * One declared tensor.
     *
     * @param elementType the ONNX element type code ({@link #FLOAT}, {@link #INT64}, ...), 0 when undeclared
     * @param dims the dimensions; -1 for a symbolic or unknown dimension; empty when the rank is undeclared
     * @param dimNames the symbolic names of dimensions ({@code batch}, ...), {@code ""} for fixed ones
     */
    public record Tensor(String name, int elementType, List<Long> dims, List<String> dimNames) {
        public int rank() {
            return dims.size();
        }

        @Override
        public String toString() {
            return name + " " + typeName(elementType) + dims;
        }
    }

    /** A readable name for an element type code. */
    public static String typeName(int elementType) {
        return switch (elementType) {
            case FLOAT -> "float32";
            case INT32 -> "int32";
            case INT64 -> "int64";
            case FLOAT16 -> "float16";
            case DOUBLE -> "float64";
            case 0 -> "undeclared";
            default -> "type" + elementType;
        };
    }

    /**
     * Reads the signature of an ONNX file.
     *
     * @throws IOException when the file cannot be read or is not an ONNX model (names the file)
     */
    public static OnnxSignature read(Path onnxFile) throws IOException {
        try (FileChannel channel = FileChannel.open(onnxFile, StandardOpenOption.READ)) {
            Reader reader = new Reader(channel);
            long end = channel.size();
            while (reader.position() < end) {
                int tag = (int) reader.varint();
                if ((tag >>> 3) == 7 && (tag & 7) == 2) {
                    long length = reader.varint();
                    return graph(reader, reader.position() + length);
                }
                reader.skip(tag);
            }
            throw new IOException(onnxFile + " holds no ONNX graph: expected an ONNX model file (ModelProto)");
        } catch (IllegalStateException e) {
            throw new IOException(onnxFile + " is not a readable ONNX model: " + e.getMessage(), e);
        }
    }

    private static OnnxSignature graph(Reader r, long end) throws IOException {
        List<Tensor> inputs = new ArrayList<>();
        List<Tensor> outputs = new ArrayList<>();
        Set<String> initializers = new HashSet<>();
        while (r.position() < end) {
            int tag = (int) r.varint();
            int field = tag >>> 3;
            if ((field == 11 || field == 12) && (tag & 7) == 2) {
                long length = r.varint();
                Tensor t = valueInfo(r, r.position() + length);
                (field == 11 ? inputs : outputs).add(t);
            } else if (field == 5 && (tag & 7) == 2) {
                long length = r.varint();
                initializers.add(tensorName(r, r.position() + length));
            } else {
                r.skip(tag);
            }
        }
        inputs.removeIf(t -> initializers.contains(t.name()));
        return new OnnxSignature(List.copyOf(inputs), List.copyOf(outputs));
    }

    private static String tensorName(Reader r, long end) throws IOException {
        String name = "";
        while (r.position() < end) {
            int tag = (int) r.varint();
            if ((tag >>> 3) == 8 && (tag & 7) == 2) {
                name = r.string();
            } else {
                r.skip(tag);
            }
        }
        return name;
    }

    private static Tensor valueInfo(Reader r, long end) throws IOException {
        String name = "";
        int type = 0;
        List<Long> dims = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (r.position() < end) {
            int tag = (int) r.varint();
            int field = tag >>> 3;
            if (field == 1 && (tag & 7) == 2) {
                name = r.string();
            } else if (field == 2 && (tag & 7) == 2) { // TypeProto
                long typeEnd = r.position() + r.varint();
                while (r.position() < typeEnd) {
                    int t = (int) r.varint();
                    if ((t >>> 3) == 1 && (t & 7) == 2) { // tensor_type
                        long tensorEnd = r.position() + r.varint();
                        while (r.position() < tensorEnd) {
                            int f = (int) r.varint();
                            if ((f >>> 3) == 1 && (f & 7) == 0) {
                                type = (int) r.varint();
                            } else if ((f >>> 3) == 2 && (f & 7) == 2) { // shape
                                long shapeEnd = r.position() + r.varint();
                                while (r.position() < shapeEnd) {
                                    int d = (int) r.varint();
                                    if ((d >>> 3) == 1 && (d & 7) == 2) {
                                        long dimEnd = r.position() + r.varint();
                                        long value = -1;
                                        String param = "";
                                        while (r.position() < dimEnd) {
                                            int g = (int) r.varint();
                                            if ((g >>> 3) == 1 && (g & 7) == 0) {
                                                value = r.varint();
                                            } else if ((g >>> 3) == 2 && (g & 7) == 2) {
                                                param = r.string();
                                            } else {
                                                r.skip(g);
                                            }
                                        }
                                        dims.add(value);
                                        names.add(param);
                                    } else {
                                        r.skip(d);
                                    }
                                }
                            } else {
                                r.skip(f);
                            }
                        }
                    } else {
                        r.skip(t);
                    }
                }
            } else {
                r.skip(tag);
            }
        }
        return new Tensor(name, type, List.copyOf(dims), List.copyOf(names));
    }

    /** A forward protobuf reader over a file channel that skips length-delimited fields by seeking. */
    private static final class Reader {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        private long bufferStart;

        Reader(FileChannel channel) throws IOException {
            this.channel = channel;
            this.bufferStart = 0;
            buffer.limit(0);
        }

        long position() {
            return bufferStart + buffer.position();
        }

        private int read() throws IOException {
            if (!buffer.hasRemaining()) {
                bufferStart += buffer.limit();
                buffer.clear();
                channel.position(bufferStart);
                int n = channel.read(buffer);
                buffer.flip();
                if (n <= 0) {
                    throw new IllegalStateException("unexpected end of file at byte " + bufferStart);
                }
            }
            return buffer.get() & 0xff;
        }

        long varint() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = read();
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalStateException("malformed varint at byte " + position());
        }

        String string() throws IOException {
            long length = varint();
            if (length < 0 || length > 1 << 20) {
                throw new IllegalStateException("implausible string length " + length + " at byte " + position());
            }
            byte[] bytes = new byte[(int) length];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) read();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        void skip(int tag) throws IOException {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> seek(position() + 8);
                case 2 -> {
                    long length = varint();
                    if (length < 0) {
                        throw new IllegalStateException("negative length at byte " + position());
                    }
                    seek(position() + length);
                }
                case 5 -> seek(position() + 4);
                default -> throw new IllegalStateException("unsupported protobuf wire type " + (tag & 7) + " at byte "
                        + position());
            }
        }

        private void seek(long target) throws IOException {
            if (target > channel.size()) {
                throw new IllegalStateException("field runs past the end of the file (" + target + " > "
                        + channel.size() + ")");
            }
            if (target >= bufferStart && target <= bufferStart + buffer.limit()) {
                buffer.position((int) (target - bufferStart));
            } else {
                bufferStart = target;
                buffer.clear();
                buffer.limit(0);
            }
        }
    }
}
