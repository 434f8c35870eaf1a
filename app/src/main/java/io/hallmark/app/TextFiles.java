package io.hallmark.app;

import io.hallmark.api.HallmarkException;
import io.hallmark.api.input.TextInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The input boundary for files the CLI reads (texts to check, policies, pipelines, batch prompts, keys): strict
 * UTF-8, and nothing that storage cannot hold (NUL, unpaired surrogates), refused with the file and the position.
 * Knowledge-base files are the exception: ingestion cleans them and reports it.
 */
final class TextFiles {

    private TextFiles() {}

    /** The text of {@code file}, described as {@code what} in messages (e.g. "policy file"). */
    static String read(Path file, String what) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new HallmarkException("Cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new HallmarkException("The " + what + " " + file + " is not valid UTF-8 (" + e.getInputLength()
                    + " malformed byte(s)); save it as UTF-8 and try again", e);
        } catch (CharacterCodingException e) {
            throw new HallmarkException("The " + what + " " + file + " is not valid UTF-8; save it as UTF-8", e);
        }
        TextInput.problem(text).ifPresent(problem -> {
            throw new HallmarkException("The " + what + " " + file + " holds " + problem
                    + ", which cannot be stored; remove it and try again");
        });
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
