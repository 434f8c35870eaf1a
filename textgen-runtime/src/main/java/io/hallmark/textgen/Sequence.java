package io.hallmark.textgen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * One sequence's state in a {@link LlamaModel}: how many tokens it holds and its key/value cache, preallocated
 * as {@code [kvHeads, capacity, headSize]} per layer. Close it to free the cache.
 */
public final class Sequence implements AutoCloseable {

    private final LlamaModel model;
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final int capacity;
    private int length;
    private boolean closed;

    Sequence(LlamaModel model, int capacity) {
        this.model = model;
        this.capacity = capacity;
        this.manager = model.manager().newSubManager();
        LlamaConfig c = model.config();
        Shape shape = new Shape(c.kvHeads(), capacity, c.headSize());
        keys = new NDArray[c.layers()];
        values = new NDArray[c.layers()];
        for (int l = 0; l < c.layers(); l++) {
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

    /** Native bytes of the cache, on the model's device. */
    public long cacheBytes() {
        LlamaConfig c = model.config();
        return 2L * c.layers() * c.kvHeads() * capacity * c.headSize() * 4;
    }

    void advance(int tokens) {
        length += tokens;
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
            manager.close();
            model.cacheAllocated(-cacheBytes());
        }
    }
}
