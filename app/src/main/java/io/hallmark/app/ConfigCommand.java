package io.hallmark.app;

import io.hallmark.core.config.ConfigValue;
import io.hallmark.core.config.HallmarkConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hallmark config}: prints the effective configuration and where each value came from. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration (secrets masked) and the source of each value.")
final class ConfigCommand implements Callable<Integer> {

    @Mixin
    PlatformOptions platform;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        HallmarkConfig config = platform.load();
        if (json) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (ConfigValue v : config.values()) {
                values.put(v.key().key(), Map.of("value", v.display(), "source", v.source()));
            }
            JsonOutput.print(spec.commandLine().getOut(), values);
        } else {
            spec.commandLine().getOut().println(config.describe());
        }
        return 0;
    }
}
