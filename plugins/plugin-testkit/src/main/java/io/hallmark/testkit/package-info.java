/**
 * Testing plugins: extend {@link io.hallmark.testkit.ContentGeneratorContract} for each generator, build real
 * plugin archives with {@link io.hallmark.testkit.PluginArchiveBuilder}, call generators directly with a
 * {@link io.hallmark.testkit.RecordingContext}, and check how a host copes with failures using the generators in
 * {@link io.hallmark.testkit.FaultyGenerators}.
 */
package io.hallmark.testkit;
