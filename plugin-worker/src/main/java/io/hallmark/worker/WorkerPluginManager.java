package io.hallmark.worker;

import java.nio.file.Path;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;

/** A PF4J manager for the one plugin archive a worker serves, loaded over {@link SdkOnlyClassLoader}. */
final class WorkerPluginManager extends SingleArchivePluginManager {

    private final ClassLoader sdk = new SdkOnlyClassLoader(WorkerPluginManager.class.getClassLoader());

    WorkerPluginManager(Path archive, String systemVersion) {
        super(archive, systemVersion);
    }

    @Override
    protected PluginClassLoader classLoaderFor(PluginDescriptor descriptor) {
        return new PluginClassLoader(this, descriptor, sdk, ClassLoadingStrategy.PDA);
    }
}
