package io.hallmark.imagegen.diffusion;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.hallmark.imagegen.OnnxLoader;
import io.hallmark.imagegen.OnnxSignature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX model of the pipeline (text encoder, UNet or VAE decoder) with its signature read from the file. Inputs
 * are given as floats or integers and converted to each input's element type as the file declares it (int32 or
 * int64 ids; float32 or float16 tensors), outputs come back as float tensors by name.
 */
final class OnnxComponent {

    /** One input value: floats for floating-point inputs, integers for integer inputs. */
    record Feed(String name, long[] shape, float[] floats, long[] ints) {
        static Feed floats(String name, long[] shape, float[] values) {
            return new Feed(name, shape, values, null);
        }

        static Feed ints(String name, long[] shape, long[] values) {
            return new Feed(name, shape, null, values);
        }
    }

    private final String component;
    private final ZooModel<NDList, NDList> model;
    private final Path file;
    private final OnnxSignature signature;

    private OnnxComponent(String component, Path file, ZooModel<NDList, NDList> model, OnnxSignature signature) {
        this.component = component;
        this.file = file;
        this.model = model;
        this.signature = signature;
    }

    /**
     * Reads the signature of {@code onnxFile}, checks its inputs against {@code expected} (before loading anything)
     * and loads it through {@code loader}.
     */
    static OnnxComponent load(String component, Path onnxFile, OnnxLoader loader, List<Signatures.Expected> expected) {
        OnnxSignature signature;
        try {
            signature = OnnxSignature.read(onnxFile);
        } catch (IOException e) {
            throw new DiffusionModelException("Cannot read " + component + " model " + onnxFile + ": " + e.getMessage(), e);
        }
        Signatures.requireInputs(component, onnxFile, signature, expected);
        try {
            return new OnnxComponent(component, onnxFile, loader.load(onnxFile), signature);
        } catch (IOException | RuntimeException e) {
            throw new DiffusionModelException("Cannot load " + component + " model " + onnxFile + ": " + e.getMessage(), e);
        }
    }

    OnnxSignature signature() {
        return signature;
    }

    String component() {
        return component;
    }

    Path file() {
        return file;
    }

    /** A predictor for a series of calls on one thread; close it after. */
    Predictor<List<Feed>, Map<String, FloatTensor>> newPredictor() {
        return model.newPredictor(new FeedTranslator());
    }

    /** One call with a short-lived predictor. */
    Map<String, FloatTensor> run(List<Feed> feeds) {
        try (Predictor<List<Feed>, Map<String, FloatTensor>> predictor = newPredictor()) {
            return run(predictor, feeds);
        }
    }

    Map<String, FloatTensor> run(Predictor<List<Feed>, Map<String, FloatTensor>> predictor, List<Feed> feeds) {
        try {
            return predictor.predict(feeds);
        } catch (TranslateException e) {
            throw new IllegalStateException(component + " failed: " + e.getMessage(), e);
        }
    }

    private final class FeedTranslator implements NoBatchifyTranslator<List<Feed>, Map<String, FloatTensor>> {

        @Override
        public NDList processInput(TranslatorContext ctx, List<Feed> feeds) {
            NDManager manager = ctx.getNDManager();
            NDList list = new NDList();
            for (Feed feed : feeds) {
                OnnxSignature.Tensor spec = Signatures.input(signature, feed.name()).orElseThrow(() ->
                        new IllegalStateException(component + " has no input '" + feed.name() + "'; it has "
                                + signature.inputs()));
                NDArray array = create(manager, spec.elementType(), feed);
                array.setName(feed.name());
                list.add(array);
            }
            return list;
        }

        @Override
        public Map<String, FloatTensor> processOutput(TranslatorContext ctx, NDList list) {
            Map<String, FloatTensor> out = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                NDArray array = list.get(i);
                String name = array.getName();
                if ((name == null || name.isEmpty()) && i < signature.outputs().size()) {
                    name = signature.outputs().get(i).name();
                }
                out.put(name, new FloatTensor(array.getShape().getShape(), toFloats(array)));
            }
            return out;
        }
    }

    private NDArray create(NDManager manager, int elementType, Feed feed) {
        Shape shape = new Shape(feed.shape());
        return switch (elementType) {
            case OnnxSignature.FLOAT -> manager.create(floats(feed), shape);
            case OnnxSignature.DOUBLE -> {
                float[] f = floats(feed);
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                yield manager.create(d, shape);
            }
            case OnnxSignature.FLOAT16 -> {
                float[] f = floats(feed);
                ByteBuffer buffer = ByteBuffer.allocateDirect(f.length * 2).order(ByteOrder.nativeOrder());
                for (float v : f) {
                    buffer.putShort(Float.floatToFloat16(v));
                }
                buffer.rewind();
                yield manager.create(buffer, shape, DataType.FLOAT16);
            }
            case OnnxSignature.INT64 -> manager.create(ints(feed), shape);
            case OnnxSignature.INT32 -> {
                long[] l = ints(feed);
                int[] v = new int[l.length];
                for (int i = 0; i < l.length; i++) {
                    v[i] = Math.toIntExact(l[i]);
                }
                yield manager.create(v, shape);
            }
            default -> throw new DiffusionModelException(component + " input '" + feed.name() + "' has element type "
                    + OnnxSignature.typeName(elementType) + "; expected a float or integer tensor");
        };
    }

    private static float[] floats(Feed feed) {
        if (feed.floats() != null) {
            return feed.floats();
        }
        float[] f = new float[feed.ints().length];
        for (int i = 0; i < f.length; i++) {
            f[i] = feed.ints()[i];
        }
        return f;
    }

    private static long[] ints(Feed feed) {
        if (feed.ints() != null) {
            return feed.ints();
        }
        long[] l = new long[feed.floats().length];
        for (int i = 0; i < l.length; i++) {
            l[i] = Math.round(feed.floats()[i]);
        }
        return l;
    }

    private static float[] toFloats(NDArray array) {
        return switch (array.getDataType()) {
            case FLOAT32 -> array.toFloatArray();
            case FLOAT16 -> {
                ByteBuffer b = array.toByteBuffer().order(ByteOrder.nativeOrder());
                float[] f = new float[b.remaining() / 2];
                for (int i = 0; i < f.length; i++) {
                    f[i] = Float.float16ToFloat(b.getShort());
                }
                yield f;
            }
            default -> {
                Number[] n = array.toArray();
                float[] f = new float[n.length];
                for (int i = 0; i < n.length; i++) {
                    f[i] = n[i].floatValue();
                }
                yield f;
            }
        };
    }
}
