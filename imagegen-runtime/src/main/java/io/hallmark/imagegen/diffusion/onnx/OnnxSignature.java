package io.hallmark.imagegen.diffusion.onnx;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inputs and outputs of an ONNX model, read from its file: the graph's {@code input} and {@code output} value
 * infos, without the initializers that old exporters also list as inputs. Only the graph's header fields are read;
 * weights (inline or in external data) are skipped, so reading the signature of a multi-gigabyte UNet is instant.
 * ONNX Runtime reports the same names, types and dimensions for a session of the file.
 */
public record OnnxSignature(Path file, List<TensorSpec> inputs, List<TensorSpec> outputs) {

    // ModelProto.graph; GraphProto.initializer, input, output; TensorProto.name; ValueInfoProto.name, type;
    // TypeProto.tensor_type; TypeProto.Tensor.elem_type, shape; TensorShapeProto.dim; Dimension.dim_value, dim_param
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int TENSOR_NAME = 8;

    public OnnxSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Reads the signature of {@code onnxFile}. */
    public static OnnxSignature read(Path onnxFile) throws IOException {
        try (FileChannel channel = FileChannel.open(onnxFile, StandardOpenOption.READ)) {
            ProtoReader in = new ProtoReader(channel);
            long size = channel.size();
            while (in.position() < size) {
                long tag = in.readVarint();
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                if (field == MODEL_GRAPH && wire == ProtoReader.LENGTH_DELIMITED) {
                    long length = in.readVarint();
                    return readGraph(onnxFile, in, in.position() + length);
                }
                in.skip(wire);
            }
            throw new IOException("No graph in " + onnxFile + "; is it an ONNX model file?");
        } catch (IOException | RuntimeException e) {
            throw new IOException("Cannot read the inputs and outputs of ONNX file " + onnxFile + ": " + e.getMessage(), e);
        }
    }

    public Optional<TensorSpec> input(String name) {
        return inputs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<TensorSpec> output(String name) {
        return outputs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> inputNames() {
        return inputs.stream().map(TensorSpec::name).toList();
    }

    public List<String> outputNames() {
        return outputs.stream().map(TensorSpec::name).toList();
    }

    private static OnnxSignature readGraph(Path file, ProtoReader in, long end) throws IOException {
        List<TensorSpec> inputs = new ArrayList<>();
        List<TensorSpec> outputs = new ArrayList<>();
        Set<String> initializers = new HashSet<>();
        while (in.position() < end) {
            long tag = in.readVarint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (wire != ProtoReader.LENGTH_DELIMITED) {
                in.skip(wire);
                continue;
            }
            long length = in.readVarint();
            long next = in.position() + length;
            switch (field) {
                case GRAPH_INPUT -> inputs.add(readValueInfo(in, next));
                case GRAPH_OUTPUT -> outputs.add(readValueInfo(in, next));
                case GRAPH_INITIALIZER -> readTensorName(in, next).ifPresent(initializers::add);
                default -> { }
            }
            in.seek(next);
        }
        List<TensorSpec> realInputs = inputs.stream().filter(s -> !initializers.contains(s.name())).toList();
        return new OnnxSignature(file, realInputs, outputs);
    }

    private static Optional<String> readTensorName(ProtoReader in, long end) throws IOException {
        while (in.position() < end) {
            long tag = in.readVarint();
            if ((int) (tag >>> 3) == TENSOR_NAME && (tag & 7) == ProtoReader.LENGTH_DELIMITED) {
                return Optional.of(in.readString(in.readVarint()));
            }
            in.skip((int) (tag & 7));
        }
        return Optional.empty();
    }

    private static TensorSpec readValueInfo(ProtoReader in, long end) throws IOException {
        String name = "";
        ElementType type = ElementType.OTHER;
        List<TensorSpec.Dim> dims = new ArrayList<>();
        while (in.position() < end) {
            long tag = in.readVarint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field == 1 && wire == ProtoReader.LENGTH_DELIMITED) {
                name = in.readString(in.readVarint());
            } else if (field == 2 && wire == ProtoReader.LENGTH_DELIMITED) {
                long typeEnd = in.endOfField();
                type = readTensorType(in, typeEnd, dims);
                in.seek(typeEnd);
            } else {
                in.skip(wire);
            }
        }
        return new TensorSpec(name, type, dims);
    }

    /** Reads {@code TypeProto}: its {@code tensor_type} (field 1) with elem_type and shape. */
    private static ElementType readTensorType(ProtoReader in, long end, List<TensorSpec.Dim> dims) throws IOException {
        ElementType type = ElementType.OTHER;
        while (in.position() < end) {
            long tag = in.readVarint();
            int wire = (int) (tag & 7);
            if ((int) (tag >>> 3) != 1 || wire != ProtoReader.LENGTH_DELIMITED) {
                in.skip(wire);
                continue;
            }
            long tensorEnd = in.endOfField();
            while (in.position() < tensorEnd) {
                long t = in.readVarint();
                int f = (int) (t >>> 3);
                int w = (int) (t & 7);
                if (f == 1 && w == ProtoReader.VARINT) {
                    type = ElementType.ofCode((int) in.readVarint());
                } else if (f == 2 && w == ProtoReader.LENGTH_DELIMITED) {
                    long shapeEnd = in.endOfField();
                    readShape(in, shapeEnd, dims);
                    in.seek(shapeEnd);
                } else {
                    in.skip(w);
                }
            }
        }
        return type;
    }

    private static void readShape(ProtoReader in, long end, List<TensorSpec.Dim> dims) throws IOException {
        while (in.position() < end) {
            long tag = in.readVarint();
            int wire = (int) (tag & 7);
            if ((int) (tag >>> 3) != 1 || wire != ProtoReader.LENGTH_DELIMITED) {
                in.skip(wire);
                continue;
            }
            long dimEnd = in.endOfField();
            long size = -1;
            String name = "";
            while (in.position() < dimEnd) {
                long t = in.readVarint();
                int f = (int) (t >>> 3);
                int w = (int) (t & 7);
                if (f == 1 && w == ProtoReader.VARINT) {
                    size = in.readVarint();
                } else if (f == 2 && w == ProtoReader.LENGTH_DELIMITED) {
                    name = in.readString(in.readVarint());
                } else {
                    in.skip(w);
                }
            }
            dims.add(new TensorSpec.Dim(size, name));
        }
    }
}
