package io.hallmark.textgen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;

/**
 * Turns a stored matrix (F16, BF16 or a ggml quantization) into a float16 NDArray on a manager's device, for
 * {@link WeightPlacement#DEVICE_FLOAT16}: rows are dequantized on the host a slice at a time (at most
 * {@link #SLICE_BYTES} of float16 each), each slice is copied to the device, and the slices are joined there, so
 * the host never holds more than one slice beside the stored blocks. A weight float16 cannot hold (beyond
 * +-65504, possible in BF16 files) is refused by name rather than turned into infinity.
 */
final class DeviceWeights {

    static final int SLICE_BYTES = 32 << 20;
    /** The largest finite float16. */
    private static final float FLOAT16_MAX = 65504f;

    private DeviceWeights() {}

    /** The matrix {@code [rows, cols]} as float16 on {@code manager}'s device. */
    static NDArray float16(RawTensor tensor, NDManager manager) {
        QuantizedMatrix matrix = new QuantizedMatrix(tensor);
        int rows = matrix.rows();
        int cols = matrix.cols();
        int sliceRows = Math.max(1, Math.min(rows, SLICE_BYTES / (2 * cols)));
        float[] row = new float[cols];
        NDList slices = new NDList();
        try {
            for (int start = 0; start < rows; start += sliceRows) {
                int n = Math.min(sliceRows, rows - start);
                ByteBuffer bytes = ByteBuffer.allocateDirect(n * cols * 2).order(ByteOrder.nativeOrder());
                ShortBuffer halves = bytes.asShortBuffer();
                for (int r = 0; r < n; r++) {
                    matrix.dequantizeRow(start + r, row, 0);
                    for (int c = 0; c < cols; c++) {
                        float v = row[c];
                        if (!(Math.abs(v) <= FLOAT16_MAX)) {
                            throw new ModelFormatException("Tensor '" + tensor.name() + "' (" + tensor.type()
                                    + ") holds " + v + " at row " + (start + r) + ", column " + c + ", which float16 "
                                    + "cannot represent; this model cannot run on the GPU's float16 weights, use device=cpu");
                        }
                        halves.put(Float.floatToFloat16(v));
                    }
                }
                slices.add(manager.create(bytes, new Shape(n, cols), DataType.FLOAT16));
            }
            if (slices.size() == 1) {
                return slices.head();
            }
            NDArray joined = NDArrays.concat(slices, 0);
            slices.close();
            return joined;
        } catch (RuntimeException e) {
            slices.close();
            throw e;
        }
    }
}
