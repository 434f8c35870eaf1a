package io.hallmark.core.plugin;

import io.hallmark.worker.SingleArchivePluginManager;
import java.nio.file.Path;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;

/**
 * A PF4J manager that holds exactly one plugin version in the host's JVM (bundled plugins). One manager per loaded
 * version is what lets two versions of the same plugin live side by side during a hot upgrade (PF4J keys plugins by
 * id), and unloading one version never touches another (no {@code stopPlugins()} over all plugins, see pf4j #656).
 */
final class SinglePluginManager extends SingleArchivePluginManager {

    SinglePluginManager(Path archive, String systemVersion) {
        super(archive, systemVersion);
    }

    @Override
    protected PluginClassLoader classLoaderFor(PluginDescriptor descriptor) {
        return new HostPluginClassLoader(this, descriptor, getClass().getClassLoader());
    }
}
