package io.hallmark.core.plugin;

import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: plugin classes first, except for packages the host must own once per JVM, which
 * always come from the host. Native engines (DJL, ONNX Runtime) load their JNI libraries once per JVM, and the
 * SDK and PF4J types must be the host's for the host to call the plugin at all.
 */
final class HostPluginClassLoader extends PluginClassLoader {

    /** Package prefixes always loaded by the host. */
    static final List<String> HOST_PACKAGES = List.of(
            "io.hallmark.api.", "io.hallmark.textgen.", "io.hallmark.imagegen.", "org.pf4j.", "org.slf4j.",
            "org.jspecify.", "ai.djl.", "ai.onnxruntime.", "dev.langchain4j.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    HostPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        if (super.shouldDelegateToParent(className)) {
            return true;
        }
        for (String prefix : HOST_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
