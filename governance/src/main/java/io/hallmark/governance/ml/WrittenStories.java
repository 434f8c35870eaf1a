package io.hallmark.governance.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Children's stories and dialogue written for this project in the style of TinyStories ({@code written-stories.txt}
 * beside this class; no upstream text, so no licence binds them): benign narrative, the negatives of the
 * check-worthiness set and of the toxicity head. Stories alternate between dev (even index) and test (odd index).
 */
public final class WrittenStories {

    private WrittenStories() {}

    /** The stories of a split ({@code dev} or {@code test}), one string each. */
    public static List<String> of(String split) {
        if (!split.equals("dev") && !split.equals("test")) {
            throw new IllegalArgumentException("Unknown split '" + split + "'; use dev or test");
        }
        List<String> all = all();
        List<String> out = new ArrayList<>();
        for (int i = split.equals("dev") ? 0 : 1; i < all.size(); i += 2) {
            out.add(all.get(i));
        }
        return out;
    }

    private static List<String> all() {
        try (InputStream in = WrittenStories.class.getResourceAsStream("written-stories.txt")) {
            if (in == null) {
                throw new IllegalStateException("written-stories.txt is missing beside " + WrittenStories.class);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> stories = new ArrayList<>();
            for (String paragraph : text.split("\\n\\s*\\n")) {
                String body = paragraph.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + " " + b)
                        .strip();
                if (!body.isEmpty()) {
                    stories.add(body);
                }
            }
            return stories;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
