package io.hallmark.core.plugin;

import io.hallmark.api.ModelInfo;
import io.hallmark.api.ModelLease;
import io.hallmark.core.model.CancellableModelLease;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A host model lease bound to the plugin call that took it: text and image generation run in the host stop when the
 * call is cancelled or passes its deadline, so host CPU spent for a plugin never outlives the plugin's own call.
 */
final class CallBoundLease implements ModelLease {

    private final CancellableModelLease lease;
    private final BooleanSupplier callEnded;

    CallBoundLease(CancellableModelLease lease, BooleanSupplier callEnded) {
        this.lease = lease;
        this.callEnded = callEnded;
    }

    @Override
    public ModelInfo info() {
        return lease.info();
    }

    @Override
    public Path path() {
        return lease.path();
    }

    @Override
    public <T> Optional<T> loaded(Class<T> type) {
        return lease.loaded(type);
    }

    @Override
    public String generateText(String prompt, Map<String, Object> options) {
        return lease.generateText(prompt, options, callEnded);
    }

    @Override
    public List<float[]> embed(List<String> texts, boolean asQueries) {
        return lease.embed(texts, asQueries);
    }

    @Override
    public byte[] generateImage(String prompt, Map<String, Object> options) {
        return lease.generateImage(prompt, options, callEnded);
    }

    @Override
    public void close() {
        lease.close();
    }
}
