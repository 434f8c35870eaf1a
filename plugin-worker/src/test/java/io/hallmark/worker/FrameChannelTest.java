package io.hallmark.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.Capability;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.Modality;
import io.hallmark.api.ModelInfo;
import io.hallmark.api.ModelRequirement;
import io.hallmark.api.ParameterSpec;
import io.hallmark.api.Usage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The wire format: frames, versions, limits and the JSON form of the SDK's values. */
class FrameChannelTest {

    @Test
    void framesRoundTripWithTheirVersion() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        FrameChannel writer = new FrameChannel(new ByteArrayInputStream(new byte[0]), wire);
        Map<String, Object> frame = FrameChannel.frame(Protocol.STREAM, 7);
        frame.put("piece", "héllo");
        writer.send(frame);
        writer.send(FrameChannel.frame(Protocol.HEALTH, 8));

        byte[] bytes = wire.toByteArray();
        int length = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        assertThat(new String(bytes, 4, length, StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":1,\"type\":\"stream\",\"id\":7,\"piece\":\"héllo\"}");
        FrameChannel reader = new FrameChannel(new ByteArrayInputStream(bytes), new ByteArrayOutputStream());
        assertThat(reader.receive()).containsEntry("piece", "héllo").containsEntry("id", 7L);
        assertThat(reader.receive()).containsEntry("type", "health");
        assertThat(reader.receive()).isNull();
    }

    @Test
    void garbageOversizeTruncatedAndForeignVersionsAreRefusedClearly() throws Exception {
        byte[] text = "hello from a println\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader(text).receive()).isInstanceOf(FrameException.class)
                .hasMessageContaining("is outside 0..16777216; the other side wrote something that is not a frame");

        byte[] truncated = {0, 0, 0, 10, '{', '}'};
        assertThatThrownBy(() -> reader(truncated).receive()).isInstanceOf(FrameException.class)
                .hasMessageContaining("ended inside a frame (2 of 10 bytes)");

        assertThatThrownBy(() -> reader(frame("[1,2]")).receive()).isInstanceOf(FrameException.class)
                .hasMessageContaining("is not a JSON object");
        assertThatThrownBy(() -> reader(frame("{\"v\":2,\"type\":\"health\"}")).receive())
                .isInstanceOf(FrameException.class).hasMessageContaining("speaks protocol version 2; this side speaks 1");

        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Frames.write(sink, new byte[Frames.MAX_FRAME_BYTES + 1]))
                .isInstanceOf(FrameException.class).hasMessageContaining("exceeds the limit of 16777216 bytes");
        assertThat(sink.size()).isZero();
    }

    @Test
    void sdkValuesSurviveTheWire() {
        GeneratorInfo info = new GeneratorInfo("echo", "echoes", Modality.TEXT, Set.of(Capability.STREAMING),
                List.of(ParameterSpec.integer("maxTokens", "n", 64, 1, 4096), ParameterSpec.stringList("stop", "s", 4),
                        ParameterSpec.choice("tone", "t", "plain", Set.of("plain", "bold"))),
                List.of(ModelRequirement.of("stories260k", "llama2c")));
        assertThat(Codec.info(Codec.info(info))).isEqualTo(info);

        GenerationRequest request = new GenerationRequest(Modality.TEXT, "p", Map.of("maxTokens", 3L, "stop",
                List.of("x")), 42L);
        assertThat(Codec.request(Codec.request(request))).isEqualTo(request);

        GeneratedContent image = GeneratedContent.ofArtifact(Modality.IMAGE, new byte[] {1, 2, 3}, "image/png",
                new ModelInfo("m", "a".repeat(64)), 5L).withUsage(Usage.frames(1)).withDuration(Duration.ofMillis(12))
                .withMetadata(Map.of("steps", 20L));
        assertThat(Codec.content(Codec.content(image, null), file -> null)).isEqualTo(image);
        assertThat(Codec.content(Codec.content(image, "out/a.bin"), file -> new byte[] {1, 2, 3})).isEqualTo(image);
    }

    private static FrameChannel reader(byte[] bytes) {
        return new FrameChannel(new ByteArrayInputStream(bytes), new ByteArrayOutputStream());
    }

    private static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 4];
        out[3] = (byte) body.length;
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }
}
