package io.hallmark.core.plugin;

import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorContext;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.worker.Codec;
import io.hallmark.worker.Protocol;
import java.util.LinkedHashMap;
import java.util.Map;

/** A generator that lives in a worker process: each call becomes a {@code generate} frame. */
final class RemoteGenerator implements ContentGenerator {

    private final WorkerRuntime runtime;
    private final GeneratorInfo info;

    RemoteGenerator(WorkerRuntime runtime, GeneratorInfo info) {
        this.runtime = runtime;
        this.info = info;
    }

    @Override
    public GeneratorInfo info() {
        return info;
    }

    @Override
    public GeneratedContent generate(GenerationRequest request, GeneratorContext context) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("request", Codec.request(request));
        fields.put("deadline", context.deadline().toEpochMilli());
        fields.put("config", context.config());
        Map<String, Object> result = runtime.call(Protocol.GENERATE, fields, context);
        if (!(result.get("content") instanceof Map<?, ?>)) {
            return null; // the host reports "returned no content"
        }
        return Codec.content(Codec.map(result.get("content")), runtime::takeArtifact);
    }
}
