package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.HallmarkException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's files pass the same boundary as the API's bodies. */
class TextFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithNulIsRefusedNamingTheFileAndThePosition() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.yaml"), "name: x\u0000\n");
        assertThatThrownBy(() -> TextFiles.read(file, "policy file")).isInstanceOf(HallmarkException.class)
                .hasMessageContaining("policy.yaml").hasMessageContaining("NUL character (U+0000) at index 7");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        Path file = Files.write(dir.resolve("text.txt"), new byte[] {'a', (byte) 0xc3, (byte) 0x28});
        assertThatThrownBy(() -> TextFiles.read(file, "text file")).hasMessageContaining("is not valid UTF-8");
    }

    @Test
    void aByteOrderMarkIsDroppedAndTextIsKeptAsItIs() throws Exception {
        Path file = Files.write(dir.resolve("batch.jsonl"), "\uFEFFline one\n\tline two é\n".getBytes(StandardCharsets.UTF_8));
        assertThat(TextFiles.read(file, "batch file")).isEqualTo("line one\n\tline two é\n");
    }
}
