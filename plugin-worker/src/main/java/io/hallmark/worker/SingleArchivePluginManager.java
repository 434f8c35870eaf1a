package io.hallmark.worker;

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
 * A PF4J manager that holds exactly one plugin archive, loaded explicitly (nothing is discovered by scanning) and
 * never disabled by PF4J (the host keeps plugin state). The host keeps one per loaded version in process, so two
 * versions can live side by side during a hot upgrade; a worker keeps one for the archive it serves. Subclasses say
 * which class loader a plugin gets.
 */
public abstract class SingleArchivePluginManager extends DefaultPluginManager {

    protected SingleArchivePluginManager(Path archive, String systemVersion) {
        super(archive.toAbsolutePath().getParent());
        setSystemVersion(systemVersion);
    }

    /** The class loader of the plugin described by {@code descriptor}. */
    protected abstract PluginClassLoader classLoaderFor(PluginDescriptor descriptor);

    @Override
    protected PluginLoader createPluginLoader() {
        return new JarPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return classLoaderFor(descriptor);
            }
        };
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new CompoundPluginDescriptorFinder().add(new ManifestPluginDescriptorFinder());
    }

    @Override
    protected PluginRepository createPluginRepository() {
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
                // the host keeps plugin state
            }

            @Override
            public void enablePlugin(String pluginId) {
                // the host keeps plugin state
            }
        };
    }
}
