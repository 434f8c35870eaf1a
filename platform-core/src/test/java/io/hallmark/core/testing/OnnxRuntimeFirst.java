package io.hallmark.core.testing;

import ai.djl.engine.Engine;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts DJL's ONNX Runtime engine when the test JVM starts, as the platform does at start-up
 * ({@code ModelRuntime.start()}): the module's tests share one JVM, and a test that creates a LangChain4j embedder
 * first would leave DJL's engine unable to start for every later test (the order trap described in
 * {@code io.hallmark.retrieval.embed}). Registered in {@code META-INF/services}.
 */
public final class OnnxRuntimeFirst implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Engine.getEngine("OnnxRuntime");
        } catch (RuntimeException | LinkageError e) {
            System.err.println("ONNX Runtime engine unavailable in this test JVM: " + e);
        }
    }
}
