package io.hallmark.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxSignatureTest {

    @Test
    void readsTheDeclaredInputsAndOutputsOfTheMnistModels() throws IOException {
        OnnxSignature gan = OnnxSignature.read(SharedModels.gan().resolve("mnist_gan_mlp_generator.onnx"));
        assertThat(gan.inputs()).hasSize(1);
        OnnxSignature.Tensor z = gan.inputs().getFirst();
        assertThat(z.name()).isEqualTo("z");
        assertThat(z.elementType()).isEqualTo(OnnxSignature.FLOAT);
        assertThat(z.dims()).containsExactly(-1L, 64L);
        assertThat(gan.outputs().getFirst().name()).isEqualTo("image");
        assertThat(gan.outputs().getFirst().rank()).as("[n, 28, 28], all dynamic in this export").isEqualTo(3);

        OnnxSignature vae = OnnxSignature.read(SharedModels.vae().resolve("mnist_vae_decoder.onnx"));
        assertThat(vae.inputs().getFirst().dims()).containsExactly(-1L, 20L);
    }

    @Test
    void aFileThatIsNotAnOnnxModelIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path bogus = Files.write(dir.resolve("bogus.onnx"), new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
        assertThatThrownBy(() -> OnnxSignature.read(bogus)).isInstanceOf(IOException.class)
                .hasMessageContaining("bogus.onnx");
    }
}
