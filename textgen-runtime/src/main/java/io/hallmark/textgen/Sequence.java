package io.hallmark.textgen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * One sequence's state in a {@link LlamaModel}: how many tokens it holds and its key/value cache, preallocated
 * as {@code [kvHeads, capacity, headSize]} NDArrays per layer on the model's device, or, for a model that runs on Java
 * arrays ({@link HostAttention}), Java arrays {@code [positions, kvHeads, headSize]} that grow with the sequence (to
 * at most its capacity). Close it to free the cache.
 */
public final class Sequence implements AutoCloseable {

    private final LlamaModel model;
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    /** The caches of a model on Java arrays (null otherwise, and the NDArrays are used). */
    private final float[][] hostKeys;
    private final float[][] hostValues;
    private final int capacity;
    private int length;
    private boolean closed;

    Sequence(LlamaModel model, int capacity) {
        this.model = model;
        this.capacity = capacity;
        boolean host = model.hostRows();
        this.manager = host ? null : model.manager().newSubManager(); // a model on Java arrays may have no engine
        LlamaConfig c = model.config();
        Shape shape = new Shape(c.kvHeads(), capacity, c.headSize());
        keys = new NDArray[c.layers()];
        values = new NDArray[c.layers()];
        hostKeys = host ? new float[c.layers()][0] : null;
        hostValues = host ? new float[c.layers()][0] : null;
        for (int l = 0; l < c.layers() && !host; l++) {
            keys[l] = manager.zeros(shape);
            values[l] = manager.zeros(shape);
        }
        model.cacheAllocated(cacheBytes());
    }

    LlamaModel model() {
        return model;
    }

    /** Tokens in the cache. */
    public int length() {
        return length;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Bytes of the cache at its capacity: native, on the model's device, or on the Java heap for a model on Java
     * arrays (which takes them as the sequence grows).
     */
    public long cacheBytes() {
        LlamaConfig c = model.config();
        return 2L * c.layers() * c.kvHeads() * capacity * c.headSize() * 4;
    }

    void advance(int tokens) {
        length += tokens;
    }

    /**
     * Writes rows {@code start..start + t} of {@code k} and {@code v} ({@code [rows, kvHeads, headSize]}) into the
     * Java-array caches of {@code layer} at positions {@code length()..length() + t}, growing them (doubling, at most
     * to the capacity) where they are too short.
     */
    void appendHost(int layer, float[] k, float[] v, int start, int t) {
        LlamaConfig c = model.config();
        int width = c.kvHeads() * c.headSize();
        int needed = (length + t) * width;
        if (hostKeys[layer].length < needed) {
            int grown = Math.min(capacity * width, Math.max(needed, Math.max(16 * width, 2 * hostKeys[layer].length)));
            hostKeys[layer] = java.util.Arrays.copyOf(hostKeys[layer], grown);
            hostValues[layer] = java.util.Arrays.copyOf(hostValues[layer], grown);
        }
        System.arraycopy(k, start * width, hostKeys[layer], length * width, t * width);
        System.arraycopy(v, start * width, hostValues[layer], length * width, t * width);
    }

    float[] hostKeys(int layer) {
        return hostKeys[layer];
    }

    float[] hostValues(int layer) {
        return hostValues[layer];
    }

    NDArray appendKeys(int layer, NDArray k, int from, int to) {
        keys[layer].set(new NDIndex(":, {}:{}, :", from, to), k);
        return keys[layer].get(":, 0:{}, :", to);
    }

    NDArray appendValues(int layer, NDArray v, int from, int to) {
        values[layer].set(new NDIndex(":, {}:{}, :", from, to), v);
        return values[layer].get(":, 0:{}, :", to);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (manager != null) {
                manager.close();
            }
            model.cacheAllocated(-cacheBytes());
        }
    }
}
