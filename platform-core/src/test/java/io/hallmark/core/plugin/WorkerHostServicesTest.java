package io.hallmark.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.GenerationFailedException;
import io.hallmark.api.ModelInfo;
import io.hallmark.api.ModelLease;
import io.hallmark.api.Permission;
import io.hallmark.api.PermissionDeniedException;
import io.hallmark.core.audit.AuditLog;
import io.hallmark.worker.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host side of a worker's model operations, without a worker: how an image's bytes travel back, and that every
 * operation on an open lease checks {@code models:read} again and audits a refusal.
 */
class WorkerHostServicesTest {

    @TempDir
    Path workDir;

    private final List<String> audited = new ArrayList<>();
    private final AuditLog audit = (actor, type, subject, payload) -> {
        audited.add(actor + " " + type + " " + payload.get("operation") + " " + payload.get("target"));
        return null;
    };

    private static ModelLease painter(byte[] png) {
        return new ModelLease() {
            @Override
            public ModelInfo info() {
                return new ModelInfo("painter", "0".repeat(64));
            }

            @Override
            public Path path() {
                throw new UnsupportedOperationException("no file");
            }

            @Override
            public byte[] generateImage(String prompt, Map<String, Object> options) {
                return png;
            }

            @Override
            public List<float[]> embed(List<String> texts, boolean asQueries) {
                return texts.stream().map(t -> new float[] {t.length(), 1}).toList();
            }

            @Override
            public void close() {}
        };
    }

    private HostGeneratorContext context(Set<Permission> granted) {
        return new HostGeneratorContext("painter-plugin", granted, (requirement, holder) -> painter(new byte[0]),
                Instant.now().plusSeconds(30), new Cancellation(), CallListener.NONE, Map.of(), audit,
                KnowledgeSearch.NONE);
    }

    private static Map<String, Object> frame(String op, Map<String, Object> fields) {
        Map<String, Object> frame = new java.util.HashMap<>(fields);
        frame.put("op", op);
        return frame;
    }

    @Test
    void aSmallImageTravelsInlineAndALargeOneAsAFileInTheWorkersFolder() throws Exception {
        WorkerHostServices services = new WorkerHostServices(workDir);
        byte[] small = new byte[1000];
        byte[] large = new byte[Protocol.INLINE_IMAGE_BYTES + 1];
        large[large.length - 1] = 42;
        Map<String, ModelLease> leases = new ConcurrentHashMap<>(Map.of("s", painter(small), "l", painter(large)));
        HostGeneratorContext context = context(Set.of(Permission.MODELS_READ));

        Map<String, Object> inline = services.answer(context, leases, frame(Protocol.OP_MODEL_IMAGE,
                Map.of("lease", "s", "prompt", "a cat", "options", Map.of())));
        assertThat(inline).containsOnlyKeys("png");
        assertThat(Base64.getDecoder().decode((String) inline.get("png"))).isEqualTo(small);

        Map<String, Object> byFile = services.answer(context, leases, frame(Protocol.OP_MODEL_IMAGE,
                Map.of("lease", "l", "prompt", "a cat", "options", Map.of())));
        assertThat(byFile).containsOnlyKeys("file");
        Path file = workDir.resolve((String) byFile.get("file"));
        assertThat(file.normalize()).startsWith(workDir);
        assertThat(Files.readAllBytes(file)).isEqualTo(large);

        Map<String, Object> vectors = services.answer(context, leases, frame(Protocol.OP_MODEL_EMBED,
                Map.of("lease", "s", "texts", List.of("abc", "de"), "queries", false)));
        assertThat((List<?>) vectors.get("vectors")).hasSize(2).first().isEqualTo(new float[] {3, 1});
        assertThat(audited).isEmpty();
    }

    @Test
    void everyModelOperationChecksModelsReadAgainAndAuditsARefusal() {
        WorkerHostServices services = new WorkerHostServices(workDir);
        Map<String, ModelLease> leases = new ConcurrentHashMap<>(Map.of("x", painter(new byte[10])));
        HostGeneratorContext context = context(Set.of()); // e.g. a lease smuggled in under another call's id

        for (String[] op : List.of(new String[] {Protocol.OP_MODEL_IMAGE, "generate images"},
                new String[] {Protocol.OP_MODEL_EMBED, "embed texts"},
                new String[] {Protocol.OP_MODEL_GENERATE, "generate text"})) {
            assertThatThrownBy(() -> services.answer(context, leases, frame(op[0], Map.of("lease", "x", "prompt", "p",
                    "options", Map.of(), "texts", List.of("t")))))
                    .isInstanceOf(PermissionDeniedException.class)
                    .hasMessage("Plugin 'painter-plugin' may not " + op[1] + ": it was not granted models:read");
        }
        assertThat(audited).containsExactly(
                "plugin:painter-plugin plugin.permission_denied generate images painter",
                "plugin:painter-plugin plugin.permission_denied embed texts painter",
                "plugin:painter-plugin plugin.permission_denied generate text painter");
        assertThat(workDir.resolve("host-images")).doesNotExist();

        HostGeneratorContext granted = context(Set.of(Permission.MODELS_READ));
        assertThatThrownBy(() -> services.answer(granted, leases, frame(Protocol.OP_MODEL_EMBED,
                Map.of("lease", "nope", "texts", List.of("t")))))
                .isInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("No open model lease 'nope'");
    }

    @Test
    void hostModelWorkStopsWhenThePluginCallEnds() {
        try (io.hallmark.core.model.ModelRuntime models = io.hallmark.core.model.ModelRuntime.onCpu(
                io.hallmark.core.testing.TestPaths.sharedDir().resolve("models")).start()) {
            Cancellation cancellation = new Cancellation();
            HostGeneratorContext context = new HostGeneratorContext("painter-plugin", Set.of(Permission.MODELS_READ),
                    models, Instant.now().plusSeconds(60), cancellation, CallListener.NONE, Map.of(), audit,
                    KnowledgeSearch.NONE);
            WorkerHostServices services = new WorkerHostServices(workDir);
            Map<String, ModelLease> leases = new ConcurrentHashMap<>();
            String image = (String) services.answer(context, leases, frame(Protocol.OP_LEASE_MODEL,
                    Map.of("model", io.hallmark.worker.Codec.requirement(
                            io.hallmark.api.ModelRequirement.of("tiny-sd-onnx", "onnx"))))).get("lease");
            String text = (String) services.answer(context, leases, frame(Protocol.OP_LEASE_MODEL,
                    Map.of("model", io.hallmark.worker.Codec.requirement(
                            io.hallmark.api.ModelRequirement.of("stories260k", "llama2c"))))).get("lease");
            assertThat(services.answer(context, leases, frame(Protocol.OP_MODEL_IMAGE, Map.of("lease", image,
                    "prompt", "a cat", "options", Map.of("steps", 1))))).containsKey("png");

            cancellation.cancel(); // the plugin's call was cancelled or passed its deadline
            long start = System.nanoTime();
            assertThatThrownBy(() -> services.answer(context, leases, frame(Protocol.OP_MODEL_IMAGE, Map.of("lease",
                    image, "prompt", "a cat", "options", Map.of("steps", 500, "width", 512, "height", 512)))))
                    .isInstanceOf(io.hallmark.api.GenerationCancelledException.class)
                    .hasMessageContaining("the plugin call ended");
            assertThatThrownBy(() -> services.answer(context, leases, frame(Protocol.OP_MODEL_GENERATE, Map.of("lease",
                    text, "prompt", "Once upon a time", "options", Map.of("maxTokens", 4096)))))
                    .isInstanceOf(io.hallmark.api.GenerationCancelledException.class)
                    .hasMessageContaining("the plugin call ended");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
                    .as("500 steps at 512 x 512 would take minutes; one step does not").isLessThan(
                            java.time.Duration.ofSeconds(30));
            context.closeLeases();
        }
    }
}
