package io.hallmark.admin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code hallmark_model_gpu_memory_bytes{model, device}}: the GPU memory each model loaded on a GPU holds (its weight
 * NDArrays and the KV caches of its open sequences), one series per model, read from the model runtime's status
 * ({@code gpuMemoryBytes} of each loaded model) before each scrape. Models on the CPU have no series, and a model
 * that is unloaded loses its series.
 */
final class ModelGpuMemoryGauges {

    private final MultiGauge gauge;
    private final Supplier<Map<String, Object>> modelStatus;

    ModelGpuMemoryGauges(MeterRegistry registry, Supplier<Map<String, Object>> modelStatus) {
        this.gauge = MultiGauge.builder("hallmark.model.gpu.memory")
                .description("GPU memory a loaded model holds: weights and open KV caches").baseUnit("bytes")
                .register(registry);
        this.modelStatus = modelStatus;
    }

    /** Re-reads the loaded models: one row per model on a GPU. */
    void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        if (modelStatus.get().get("loaded") instanceof List<?> loaded) {
            for (Object o : loaded) {
                if (o instanceof Map<?, ?> model && model.get("gpuMemoryBytes") instanceof Number bytes) {
                    rows.add(MultiGauge.Row.of(Tags.of("model", String.valueOf(model.get("name")),
                            "device", String.valueOf(model.get("device"))), bytes));
                }
            }
        }
        gauge.register(rows, true);
    }
}
