package io.hallmark.core.plugin;

import java.nio.file.Path;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;

/**
 * A PF4J manager that holds exactly one plugin version. One manager per loaded version is what lets two
 * versions of the same plugin live side by side during a hot upgrade (PF4J keys plugins by id), and unloading
 * one version never touches another (no {@code stopPlugins()} over all plugins, see pf4j #656).
 */
final class SinglePluginManager extends DefaultPluginManager {

    SinglePluginManager(Path archive, String systemVersion) {
        super(archive.toAbsolutePath().getParent());
        setSystemVersion(systemVersion);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new JarPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return new HostPluginClassLoader(pluginManager, descriptor, getClass().getClassLoader());
            }
        };
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new CompoundPluginDescriptorFinder().add(new ManifestPluginDescriptorFinder());
    }

    @Override
    protected PluginRepository createPluginRepository() {
        // nothing is discovered by scanning: the host loads one archive explicitly
        return new org.pf4j.BasePluginRepository(java.util.List.of());
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return false;
            }

            @Override
            public void disablePlugin(String pluginId) {
                // the host keeps plugin state in the database
            }

            @Override
            public void enablePlugin(String pluginId) {
                // the host keeps plugin state in the database
            }
        };
    }
}
