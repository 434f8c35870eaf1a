package io.hallmark.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.ModelRequirement;
import io.hallmark.api.Modality;
import io.hallmark.core.persistence.PluginChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelReadinessTest {

    @TempDir
    Path dir;

    static GeneratorView needing(ModelRequirement... models) {
        return new GeneratorView("hallmark-text", "1.0.0", new GeneratorInfo("llama", "stories", Modality.TEXT, Set.of(),
                List.of(), List.of(models)), PluginChannel.PRODUCTION);
    }

    @Test
    void aMissingModelNamesThePluginTheModelAndWhereItWasExpected() throws IOException {
        Files.createDirectories(dir.resolve("stories260k"));
        GeneratorView text = needing(ModelRequirement.of("stories260k", "llama2c"), ModelRequirement.of("mnist-gan", "onnx"),
                new ModelRequirement("extra", "onnx", null, true));

        List<String> problems = ModelReadiness.problems(dir, List.of(text));

        assertThat(problems).singleElement().asString()
                .contains("plugin hallmark-text").contains("'mnist-gan'").contains(dir.toString())
                .contains("--models-dir");
    }

    @Test
    void aModelDirectoryThatDoesNotExistIsAProblemOnlyWhenAGeneratorNeedsAModel() {
        Path nowhere = dir.resolve("no-such-folder");

        assertThat(ModelReadiness.problems(nowhere, List.of())).isEmpty();
        assertThat(ModelReadiness.problems(nowhere, List.of(needing()))).isEmpty();
        assertThat(ModelReadiness.problems(nowhere, List.of(needing(ModelRequirement.of("stories260k", "llama2c")))))
                .singleElement().asString().contains("the folder does not exist");
    }
}
