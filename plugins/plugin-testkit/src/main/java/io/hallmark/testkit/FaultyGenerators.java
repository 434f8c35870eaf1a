package io.hallmark.testkit;

import io.hallmark.api.Capability;
import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.GeneratorContext;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.Modality;
import io.hallmark.api.ParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Generators that misbehave on purpose, to prove a host contains them: put one into an archive with
 * {@link PluginArchiveBuilder#extension(Class)}, or wrap your own generator with {@link #faulty}.
 */
public final class FaultyGenerators {

    private FaultyGenerators() {}

    /** How a {@link #faulty} generator misbehaves. */
    public enum Fault {
        /** Throws an {@link IllegalStateException}. */
        THROW,
        /** Ignores cancellation and sleeps far past any deadline. */
        HANG,
        /** Returns {@code null}. */
        RETURN_NULL,
        /** Returns content of the wrong modality. */
        WRONG_MODALITY
    }

    /** Wraps {@code delegate} so that every call fails with {@code fault}. */
    public static ContentGenerator faulty(ContentGenerator delegate, Fault fault) {
        return new ContentGenerator() {
            @Override
            public GeneratorInfo info() {
                return delegate.info();
            }

            @Override
            public GeneratedContent generate(GenerationRequest request, GeneratorContext context) {
                return misbehave(fault, request);
            }
        };
    }

    static GeneratedContent misbehave(Fault fault, GenerationRequest request) {
        switch (fault) {
            case THROW -> throw new IllegalStateException("injected failure for prompt '" + request.prompt() + "'");
            case HANG -> {
                long until = System.nanoTime() + Duration.ofHours(1).toNanos();
                while (System.nanoTime() < until) {
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        // a hung plugin ignores interruption too
                    }
                }
                throw new IllegalStateException("unreachable");
            }
            case RETURN_NULL -> {
                return null;
            }
            case WRONG_MODALITY -> {
                return GeneratedContent.ofArtifact(Modality.IMAGE, new byte[] {1}, "image/png", null, null);
            }
            default -> throw new IllegalArgumentException(fault.name());
        }
    }

    static GeneratorInfo textInfo(String name) {
        return new GeneratorInfo(name, "Misbehaves on purpose for containment tests", Modality.TEXT,
                Set.of(Capability.CANCELLATION), List.of(ParameterSpec.integer("maxTokens", "ignored", 16, 1, 1024)),
                List.of());
    }

    /** A TEXT generator that always throws. */
    @Extension
    public static final class Throwing implements ContentGenerator {
        @Override
        public GeneratorInfo info() {
            return textInfo("throwing");
        }

        @Override
        public GeneratedContent generate(GenerationRequest request, GeneratorContext context) {
            return misbehave(Fault.THROW, request);
        }
    }

    /** A TEXT generator that never returns and ignores cancellation. */
    @Extension
    public static final class Hanging implements ContentGenerator {
        @Override
        public GeneratorInfo info() {
            return textInfo("hanging");
        }

        @Override
        public GeneratedContent generate(GenerationRequest request, GeneratorContext context) {
            return misbehave(Fault.HANG, request);
        }
    }

    /** A TEXT generator that returns image content. */
    @Extension
    public static final class Garbage implements ContentGenerator {
        @Override
        public GeneratorInfo info() {
            return textInfo("garbage");
        }

        @Override
        public GeneratedContent generate(GenerationRequest request, GeneratorContext context) {
            return misbehave(Fault.WRONG_MODALITY, request);
        }
    }
}
