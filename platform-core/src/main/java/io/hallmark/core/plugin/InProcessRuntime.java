package io.hallmark.core.plugin;

import io.hallmark.api.ContentGenerator;
import io.hallmark.api.GeneratorInfo;
import io.hallmark.api.GovernanceCheck;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin loaded into the platform's own JVM with a PF4J manager and class loader of its own: only for plugins that
 * ship with the distribution (setting {@code plugins-bundled-in-process}). After {@link #close()} nothing of the host
 * refers to its class loader.
 */
final class InProcessRuntime implements PluginRuntime {

    private static final Logger log = LoggerFactory.getLogger(InProcessRuntime.class);

    private final String id;
    private final WeakReference<ClassLoader> classLoader;
    private @Nullable SinglePluginManager manager;
    private List<PluginSlot.LoadedGenerator> generators;
    private List<GovernanceCheck> checks;

    private InProcessRuntime(String id, SinglePluginManager manager, ClassLoader classLoader,
            List<PluginSlot.LoadedGenerator> generators, List<GovernanceCheck> checks) {
        this.id = id;
        this.manager = manager;
        this.classLoader = new WeakReference<>(classLoader);
        this.generators = List.copyOf(generators);
        this.checks = List.copyOf(checks);
    }

    /**
     * Loads and starts the archive in a manager of its own and reads its extensions.
     *
     * @throws PluginInstallException with the cause when the plugin cannot be loaded or started, or declares no
     *     extension; nothing stays loaded then
     */
    static InProcessRuntime load(Path archive, ArchiveDescriptor descriptor, String hostVersion) {
        SinglePluginManager manager = new SinglePluginManager(archive, hostVersion);
        String id = descriptor.id();
        try {
            String loadedId = manager.loadPlugin(archive);
            if (!id.equals(loadedId)) {
                throw new PluginInstallException("Archive " + archive.getFileName() + " loaded as '" + loadedId
                        + "', expected '" + id + "'");
            }
            PluginState state = manager.startPlugin(id);
            PluginWrapper wrapper = manager.getPlugin(id);
            if (state != PluginState.STARTED) {
                Throwable failure = wrapper.getFailedException();
                throw new PluginInstallException("Plugin '" + id + "' " + descriptor.version() + " failed to start"
                        + (failure == null ? " (state " + state + ")" : ": " + PluginSlot.describe(failure)), failure);
            }
            List<PluginSlot.LoadedGenerator> generators = new ArrayList<>();
            for (ContentGenerator generator : manager.getExtensions(ContentGenerator.class, id)) {
                GeneratorInfo info;
                try {
                    info = generator.info();
                } catch (RuntimeException | LinkageError e) {
                    throw new PluginInstallException("Plugin '" + id + "': generator " + generator.getClass().getName()
                            + " cannot describe itself: " + PluginSlot.describe(e), e);
                }
                if (info == null) {
                    throw new PluginInstallException("Plugin '" + id + "': generator " + generator.getClass().getName()
                            + " returned no info()");
                }
                generators.add(new PluginSlot.LoadedGenerator(generator, info));
            }
            List<GovernanceCheck> checks = new ArrayList<>(manager.getExtensions(GovernanceCheck.class, id));
            PluginSlot.requireExtensions(id, generators, checks);
            return new InProcessRuntime(id, manager, wrapper.getPluginClassLoader(), generators, checks);
        } catch (PluginInstallException e) {
            unloadQuietly(manager, id);
            throw e;
        } catch (RuntimeException | LinkageError e) {
            unloadQuietly(manager, id);
            throw new PluginInstallException("Plugin '" + id + "' " + descriptor.version() + " cannot be loaded: "
                    + PluginSlot.describe(e), e);
        }
    }

    @Override
    public List<PluginSlot.LoadedGenerator> generators() {
        return generators;
    }

    @Override
    public List<GovernanceCheck> checks() {
        return checks;
    }

    @Override
    public Optional<WeakReference<ClassLoader>> classLoader() {
        return Optional.of(classLoader);
    }

    @Override
    public String isolation() {
        return "in-process";
    }

    @Override
    public void close() {
        SinglePluginManager m = manager;
        manager = null;
        generators = List.of();
        checks = List.of();
        if (m != null) {
            unloadQuietly(m, id);
        }
    }

    private static void unloadQuietly(SinglePluginManager manager, String id) {
        try {
            if (manager.getPlugin(id) != null) {
                if (manager.getPlugin(id).getPluginState() == PluginState.STARTED) {
                    manager.stopPlugin(id);
                }
                manager.unloadPlugin(id);
            }
        } catch (RuntimeException | LinkageError e) {
            log.warn("Plugin '{}' did not unload cleanly: {}", id, PluginSlot.describe(e));
        }
    }
}
