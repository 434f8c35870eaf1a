package io.hallmark.textgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GGUF file (versions 2 and 3): its metadata and tensor directory, read from the header; tensor data is
 * memory-mapped on demand.
 */
public final class GgufFile {

    /** One entry of the tensor directory; {@code dims} as GGUF stores them, innermost first. */
    public record TensorInfo(String name, long[] dims, int ggmlType, long offset) {

        /** Row-major shape, outermost first. */
        public long[] shape() {
            long[] shape = new long[dims.length];
            for (int i = 0; i < dims.length; i++) {
                shape[i] = dims[dims.length - 1 - i];
            }
            return shape;
        }
    }

    static final int MAGIC = 0x46554747; // "GGUF" little endian

    private final Path path;
    private final int version;
    private final Map<String, Object> metadata;
    private final Map<String, TensorInfo> tensors;
    private final long dataStart;
    private final long size;

    private GgufFile(Path path, int version, Map<String, Object> metadata, Map<String, TensorInfo> tensors,
            long dataStart, long size) {
        this.path = path;
        this.version = version;
        this.metadata = metadata;
        this.tensors = tensors;
        this.dataStart = dataStart;
        this.size = size;
    }

    /** Whether the file starts with the GGUF magic. */
    public static boolean isGguf(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            return ch.read(b, 0) == 4 && b.getInt(0) == MAGIC;
        } catch (IOException e) {
            return false;
        }
    }

    public static GgufFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException("GGUF model not found: expected a file at " + file);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            Reader r = new Reader(ch, file, size);
            int magic = r.i32("the GGUF magic");
            if (magic != MAGIC) {
                throw new ModelFormatException("Model " + file + " is not a GGUF file: it starts with 0x"
                        + Integer.toHexString(magic) + ", expected the magic 'GGUF' (0x46554747)");
            }
            int version = r.i32("the version");
            if (version != 2 && version != 3) {
                throw new ModelFormatException("GGUF file " + file + " has version " + version + "; supported: 2, 3");
            }
            long tensorCount = r.i64("the tensor count");
            long kvCount = r.i64("the metadata count");
            if (tensorCount < 0 || tensorCount > 1_000_000 || kvCount < 0 || kvCount > 1_000_000) {
                throw new ModelFormatException("GGUF file " + file + " has a corrupt header: " + tensorCount
                        + " tensors, " + kvCount + " metadata entries");
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            for (long i = 0; i < kvCount; i++) {
                String key = r.string("metadata key " + i);
                int type = r.i32("the type of '" + key + "'");
                metadata.put(key, r.value(type, key));
            }
            Map<String, TensorInfo> tensors = new LinkedHashMap<>();
            for (long i = 0; i < tensorCount; i++) {
                String name = r.string("tensor name " + i);
                int nDims = r.i32("the rank of '" + name + "'");
                if (nDims < 1 || nDims > 4) {
                    throw new ModelFormatException("GGUF file " + file + " is corrupt: tensor '" + name + "' has rank " + nDims);
                }
                long[] dims = new long[nDims];
                for (int d = 0; d < nDims; d++) {
                    dims[d] = r.i64("a dimension of '" + name + "'");
                }
                int type = r.i32("the type of '" + name + "'");
                long offset = r.i64("the offset of '" + name + "'");
                tensors.put(name, new TensorInfo(name, dims, type, offset));
            }
            long alignment = metadata.get("general.alignment") instanceof Number n ? n.longValue() : 32;
            long dataStart = (r.position + alignment - 1) / alignment * alignment;
            GgufFile gguf = new GgufFile(file, version, metadata, tensors, dataStart, size);
            gguf.checkExtents();
            return gguf;
        } catch (IOException e) {
            throw new ModelFormatException("Cannot read GGUF file " + file + ": " + e, e);
        }
    }

    private void checkExtents() {
        for (TensorInfo t : tensors.values()) {
            TensorType type = TensorType.ofGgml(t.ggmlType());
            if (type == null) {
                continue; // reported when the tensor is used
            }
            long elements = RawTensor.elements(t.dims());
            if (!type.fits(t.dims()[0])) {
                throw new ModelFormatException("GGUF file " + path + " is corrupt: tensor '" + t.name() + "' of " + type
                        + " has rows of " + t.dims()[0] + " weights, not a multiple of the " + type.blockSize()
                        + "-weight block");
            }
            long end = dataStart + t.offset() + type.bytes(elements);
            if (end > size) {
                throw new ModelFormatException("GGUF file " + path + " is truncated: tensor '" + t.name()
                        + "' ends at byte " + end + " but the file has " + size + " bytes");
            }
        }
    }

    public Path path() {
        return path;
    }

    public int version() {
        return version;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public Map<String, TensorInfo> tensors() {
        return tensors;
    }

    /**
     * A tensor's bytes: F32 memory-mapped (it becomes an NDArray without a copy); every other type read onto the heap
     * once, where {@link QuantizedMatrix} multiplies it in place (a mapping as well would count the bytes twice).
     */
    public RawTensor tensor(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new ModelFormatException("GGUF file " + path + " has no tensor '" + name + "'");
        }
        TensorType type = TensorType.ofGgml(info.ggmlType());
        if (type == null) {
            throw new ModelFormatException("GGUF file " + path + ": tensor '" + name + "' is "
                    + TensorType.ggmlName(info.ggmlType()) + ", which Hallmark does not run; supported: "
                    + TensorType.supportedNames() + ". Convert the model with llama.cpp's llama-quantize to one of these");
        }
        long bytes = type.bytes(RawTensor.elements(info.dims()));
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            if (type != TensorType.F32) {
                if (bytes > Integer.MAX_VALUE - 16) {
                    throw new ModelFormatException("GGUF file " + path + ": tensor '" + name + "' of " + type + " has "
                            + bytes + " bytes; Hallmark holds at most 2 GiB per tensor");
                }
                ByteBuffer heap = ByteBuffer.allocate((int) bytes);
                readChunked(ch, heap, dataStart + info.offset(), name);
                return new RawTensor(name, info.shape(), type, heap.flip());
            }
            ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + info.offset(), bytes);
            return new RawTensor(name, info.shape(), type, data);
        } catch (IOException e) {
            throw new ModelFormatException("Cannot read tensor '" + name + "' of " + path + ": " + e, e);
        }
    }

    /** The most bytes one read asks for; see {@link #readChunked}. */
    static final int READ_CHUNK = 1 << 20;

    /**
     * Fills {@code target} (a heap buffer) from {@code at}, {@link #READ_CHUNK} bytes per read. A channel reads into
     * a heap buffer through a temporary direct buffer as large as the request, which the JDK then caches on the
     * reading thread for good: one read of a whole tensor left a direct buffer the size of the largest tensor (the
     * embedding table, 141 MiB of a Q4_K Llama 3.2 1B, 266 MiB in Q8_0) resident beside the weights.
     */
    private void readChunked(FileChannel ch, ByteBuffer target, long at, String name) throws IOException {
        int end = target.limit();
        while (target.position() < end) {
            target.limit(Math.min(end, target.position() + READ_CHUNK));
            int n = ch.read(target, at + target.position());
            if (n < 0) {
                throw new ModelFormatException("GGUF file " + path + " is truncated inside tensor '" + name + "'");
            }
        }
        target.limit(end);
    }

    /** A metadata value, or an error naming the key and the file. */
    public Object require(String key) {
        Object v = metadata.get(key);
        if (v == null) {
            throw new ModelFormatException("GGUF file " + path + " lacks the metadata key '" + key + "'");
        }
        return v;
    }

    public int requireInt(String key) {
        if (require(key) instanceof java.util.List<?> list) {
            throw GgufMetadata.perLayer(this, key, list);
        }
        if (!(require(key) instanceof Number n)) {
            throw new ModelFormatException("GGUF file " + path + ": '" + key + "' is not a number");
        }
        return n.intValue();
    }

    private static final class Reader {
        private final FileChannel ch;
        private final Path file;
        private final long size;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        long position;
        private long bufStart;

        Reader(FileChannel ch, Path file, long size) {
            this.ch = ch;
            this.file = file;
            this.size = size;
            buf.limit(0);
        }

        private ByteBuffer need(int n, String what) throws IOException {
            if (position + n > size) {
                throw new ModelFormatException("GGUF file " + file + " is truncated: it ends at byte " + size
                        + " where " + what + " was expected");
            }
            long inBuf = position - bufStart;
            if (inBuf < 0 || inBuf + n > buf.limit()) {
                buf.clear();
                ch.read(buf, position);
                buf.flip();
                bufStart = position;
                inBuf = 0;
            }
            buf.position((int) inBuf);
            position += n;
            return buf;
        }

        int i32(String what) throws IOException {
            return need(4, what).getInt();
        }

        long i64(String what) throws IOException {
            return need(8, what).getLong();
        }

        String string(String what) throws IOException {
            long len = i64(what);
            if (len < 0 || len > 1 << 20) {
                throw new ModelFormatException("GGUF file " + file + " is corrupt: " + what + " has length " + len);
            }
            byte[] bytes = new byte[(int) len];
            int done = 0;
            while (done < len) {
                int chunk = (int) Math.min(len - done, 1 << 15);
                need(chunk, what).get(bytes, done, chunk);
                done += chunk;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        Object value(int type, String key) throws IOException {
            String what = "the value of '" + key + "'";
            return switch (type) {
                case 0 -> need(1, what).get() & 0xff;
                case 1 -> (int) need(1, what).get();
                case 2 -> need(2, what).getShort() & 0xffff;
                case 3 -> (int) need(2, what).getShort();
                case 4 -> Integer.toUnsignedLong(need(4, what).getInt());
                case 5 -> need(4, what).getInt();
                case 6 -> need(4, what).getFloat();
                case 7 -> need(1, what).get() != 0;
                case 8 -> string(what);
                case 9 -> {
                    int itemType = i32(what);
                    long n = i64(what);
                    if (n < 0 || n > 10_000_000) {
                        throw new ModelFormatException("GGUF file " + file + " is corrupt: '" + key + "' has " + n + " items");
                    }
                    List<Object> items = new ArrayList<>((int) n);
                    for (long i = 0; i < n; i++) {
                        items.add(value(itemType, key));
                    }
                    yield items;
                }
                case 10 -> need(8, what).getLong();
                case 11 -> need(8, what).getLong();
                case 12 -> need(8, what).getDouble();
                default -> throw new ModelFormatException("GGUF file " + file + " is corrupt: '" + key
                        + "' has value type " + type + "; expected 0..12");
            };
        }
    }
}
