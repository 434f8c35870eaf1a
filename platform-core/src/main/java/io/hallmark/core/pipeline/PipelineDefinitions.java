package io.hallmark.core.pipeline;

import io.hallmark.api.HallmarkException;
import io.hallmark.api.Modality;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline in force per modality: {@code <data-dir>/pipelines/<modality>.yaml} when an operator wrote one,
 * otherwise the shipped default (the resource {@code /pipelines/<modality>.yaml}). Files are read when a job starts,
 * so an edited override applies to the next job without a restart; a job keeps the definition it started with.
 */
public final class PipelineDefinitions {

    private final @Nullable Path overrides;
    private final PipelineParser parser = new PipelineParser();

    /** @param overrides the folder of operator overrides ({@code <data-dir>/pipelines}), or null for defaults only */
    public PipelineDefinitions(@Nullable Path overrides) {
        this.overrides = overrides;
    }

    /** The shipped defaults only. */
    public static PipelineDefinitions defaults() {
        return new PipelineDefinitions(null);
    }

    /** The definition in force for a modality; an invalid override fails with its errors (it is never skipped). */
    public PipelineDefinition forModality(Modality modality) {
        Path file = overrideFile(modality);
        if (file != null && Files.isRegularFile(file)) {
            try {
                return parser.parse(Files.readString(file), file.toString(), modality);
            } catch (IOException e) {
                throw new HallmarkException("Cannot read pipeline override " + file + ": " + e.getMessage(), e);
            }
        }
        return shipped(modality);
    }

    /** The default shipped with the platform. */
    public PipelineDefinition shipped(Modality modality) {
        String resource = "/pipelines/" + fileName(modality);
        try (InputStream in = PipelineDefinitions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The shipped pipeline " + resource + " is missing from the build");
            }
            return parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource,
                    modality);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where an operator's override for a modality lives, or null when overrides are off. */
    public @Nullable Path overrideFile(Modality modality) {
        return overrides == null ? null : overrides.resolve(fileName(modality));
    }

    private static String fileName(Modality modality) {
        return modality.name().toLowerCase(Locale.ROOT) + ".yaml";
    }
}
