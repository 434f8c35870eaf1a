package io.hallmark.imagegen.diffusion.onnx;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One graph input or output: its name, element type and dimensions. A dimension is either a fixed size
 * ({@link Dim#size()} at least 0) or a named dynamic one (size -1, {@link Dim#name()} such as {@code batch_size}).
 */
public record TensorSpec(String name, ElementType type, List<Dim> dims) {

    /** One dimension: a fixed size, or -1 with the symbolic name the exporter gave it (empty if unnamed). */
    public record Dim(long size, String name) {
        public boolean isDynamic() {
            return size < 0;
        }

        @Override
        public String toString() {
            return size >= 0 ? Long.toString(size) : (name.isEmpty() ? "?" : name);
        }
    }

    public TensorSpec {
        dims = List.copyOf(dims);
    }

    public int rank() {
        return dims.size();
    }

    /** The size of dimension {@code i}, or -1 where it is dynamic. */
    public long size(int i) {
        return dims.get(i).size();
    }

    /** Like ONNX Runtime prints it: {@code sample FLOAT[batch_size, 4, height, width]}. */
    @Override
    public String toString() {
        return name + " " + type + dims.stream().map(Dim::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
