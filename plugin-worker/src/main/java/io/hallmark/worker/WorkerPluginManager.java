package io.hallmark.worker;

import java.nio.file.Path;
import org.pf4j.ClassLoadingStrategy;
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

/** A PF4J manager for the one plugin archive a worker serves, loaded over {@link SdkOnlyClassLoader}. */
final class WorkerPluginManager extends DefaultPluginManager {

    WorkerPluginManager(Path archive, String systemVersion) {
        super(archive.toAbsolutePath().getParent());
        setSystemVersion(systemVersion);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        ClassLoader sdk = new SdkOnlyClassLoader(WorkerPluginManager.class.getClassLoader());
        return new JarPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return new PluginClassLoader(pluginManager, descriptor, sdk, ClassLoadingStrategy.PDA);
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
