package io.hallmark.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The per-model GPU memory gauge over the model runtime's status: a series per model on a GPU, none for models on
 * the CPU, gone when the model is unloaded. The status maps are shaped as {@code ModelRuntime.status()} writes them
 * (no GPU on the test machine: ModelRuntimeTest shows that a CPU model's status has no {@code gpuMemoryBytes}).
 */
class ModelGpuMemoryGaugesTest {

    private static Map<String, Object> model(String name, String device, Long gpuBytes) {
        return gpuBytes == null ? Map.of("name", name, "device", device, "weightBytes", 1000L)
                : Map.of("name", name, "device", device, "weightBytes", 1000L, "gpuMemoryBytes", gpuBytes);
    }

    @Test
    void oneSeriesPerModelOnAGpuNoneOnTheCpuAndNoneOnceUnloaded() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicReference<Map<String, Object>> status = new AtomicReference<>(Map.of("loaded",
                List.of(model("stories260k", "cpu()", null))));
        ModelGpuMemoryGauges gauges = new ModelGpuMemoryGauges(registry, status::get);

        gauges.refresh();
        assertThat(registry.scrape()).as("a CPU model has no GPU memory series").doesNotContain("hallmark_model_gpu_memory");

        status.set(Map.of("loaded", List.of(model("stories260k", "cpu()", null),
                model("llama-1b-q4k", "gpu(0)", 2_400_000_000L), model("qwen-q8", "gpu(1)", 1_100_000_000L))));
        gauges.refresh();
        String scrape = registry.scrape();
        assertThat(scrape).contains("# TYPE hallmark_model_gpu_memory_bytes gauge")
                .contains("hallmark_model_gpu_memory_bytes{device=\"gpu(0)\",model=\"llama-1b-q4k\"} 2.4E9")
                .contains("hallmark_model_gpu_memory_bytes{device=\"gpu(1)\",model=\"qwen-q8\"} 1.1E9")
                .doesNotContain("model=\"stories260k\"");

        status.set(Map.of("loaded", List.of(model("qwen-q8", "gpu(1)", 1_200_000_000L))));
        gauges.refresh();
        scrape = registry.scrape();
        assertThat(scrape).as("an unloaded model's series is gone, a live one follows its KV caches")
                .doesNotContain("llama-1b-q4k")
                .contains("hallmark_model_gpu_memory_bytes{device=\"gpu(1)\",model=\"qwen-q8\"} 1.2E9");

        status.set(Map.of("device", "auto (not resolved yet)", "loaded", List.of()));
        gauges.refresh();
        assertThat(registry.scrape()).doesNotContain("hallmark_model_gpu_memory_bytes{");
    }
}
