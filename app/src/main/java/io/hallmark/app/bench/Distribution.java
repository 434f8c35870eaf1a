package io.hallmark.app.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the running distribution lies ({@code app/target} in a build): its jar, libraries and examples. */
public final class Distribution {

    private Distribution() {}

    /** The folder holding {@code hallmark.jar}, when running from the distribution. */
    public static Optional<Path> home() {
        try {
            Path jar = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path home = Files.isDirectory(jar) ? jar.getParent() : jar.getParent();
            return Optional.ofNullable(home);
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The example plugin archive shipped with the distribution. */
    public static Optional<Path> examplePlugin() {
        return home().map(h -> h.resolve("examples").resolve("example-plugin.jar")).filter(Files::isRegularFile);
    }
}
