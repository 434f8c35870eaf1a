/**
 * The plugin worker: the process a third-party plugin runs in, apart from the platform.
 *
 * <p>{@link io.hallmark.worker.WorkerMain} loads one plugin archive with a class loader that sees only the JDK, the
 * SDK ({@code io.hallmark.api}), PF4J and SLF4J, and serves the host over stdin/stdout with length-prefixed JSON
 * frames ({@link io.hallmark.worker.Frames}, {@link io.hallmark.worker.Protocol}). The host side lives in
 * {@code io.hallmark.core.plugin}; this module holds the wire format both sides share. It depends only on the SDK,
 * PF4J and Jackson, so the worker's class path never holds platform, database or model-runtime classes.
 */
@NullMarked
package io.hallmark.worker;

import org.jspecify.annotations.NullMarked;
