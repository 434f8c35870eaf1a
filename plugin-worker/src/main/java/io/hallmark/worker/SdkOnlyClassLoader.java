package io.hallmark.worker;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of a plugin's class loader in the worker: it shows the plugin the JDK, the SDK ({@code io.hallmark.api}),
 * PF4J, SLF4J, JSpecify and, where the host put it on the worker's class path, LangChain4j (its OpenAI-compatible
 * client, for served-model plugins), and nothing else of the worker's class path (not its Jackson, not the worker
 * itself). The worker's class path holds no platform, Hibernate or JDBC classes to begin with.
 */
final class SdkOnlyClassLoader extends ClassLoader {

    /** Package prefixes a plugin may load from the worker's class path. */
    static final List<String> VISIBLE = List.of("io.hallmark.api.", "org.pf4j.", "org.slf4j.", "org.jspecify.",
            "dev.langchain4j.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader application;

    SdkOnlyClassLoader(ClassLoader application) {
        super("hallmark-sdk", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String prefix : VISIBLE) {
            if (name.startsWith(prefix)) {
                return application.loadClass(name);
            }
        }
        try {
            return super.loadClass(name, resolve); // the JDK's platform classes
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException(name + " is not visible to plugins: a plugin sees only the JDK, the "
                    + "Hallmark SDK (io.hallmark.api), PF4J, SLF4J, LangChain4j and the classes in its own archive");
        }
    }

    @Override
    public URL getResource(String name) {
        return visible(name) ? application.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return visible(name) ? application.getResources(name) : Collections.emptyEnumeration();
    }

    private static boolean visible(String resource) {
        String asClass = resource.replace('/', '.');
        return VISIBLE.stream().anyMatch(asClass::startsWith);
    }
}
