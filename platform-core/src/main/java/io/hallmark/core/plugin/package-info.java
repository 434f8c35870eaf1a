/**
 * The plugin host. Start at {@link io.hallmark.core.plugin.PluginHost}, the facade: signed, permission-checked,
 * hot-swappable PF4J plugins, third-party ones in confined worker processes, with calls contained by deadlines and a
 * circuit breaker. Behind it, one room per concern:
 * <ul>
 *   <li>{@link io.hallmark.core.plugin.PluginInstaller}: install and upgrade from an archive, bundled plugins;</li>
 *   <li>{@link io.hallmark.core.plugin.PluginAdmin}: enable, disable, remove, promote;</li>
 *   <li>{@link io.hallmark.core.plugin.PluginActivator}: bring a recorded plugin into service and out of it;</li>
 *   <li>{@link io.hallmark.core.plugin.PluginClusterSync}: follow other nodes' changes;</li>
 *   <li>{@link io.hallmark.core.plugin.PluginViews}: what the console and the API see;</li>
 *   <li>{@link io.hallmark.core.plugin.PluginTrust} and {@link io.hallmark.core.plugin.PluginArchives}: keys,
 *       signatures, received archives and their manifest demands;</li>
 *   <li>{@link io.hallmark.core.plugin.PluginLauncher}: where a plugin runs (in-process for bundled plugins, else a
 *       worker: {@link io.hallmark.core.plugin.WorkerRuntime}, {@link io.hallmark.core.plugin.WorkerProcess},
 *       {@link io.hallmark.core.plugin.WorkerSandbox});</li>
 *   <li>{@link io.hallmark.core.plugin.PluginInvoker}: the calls, with the host services a plugin's context offers
 *       ({@link io.hallmark.core.plugin.HostGeneratorContext}: model leases, knowledge-base search, each permission
 *       checked and each refusal audited), and {@link io.hallmark.core.plugin.PluginCheckRunner} for governance checks and
 *       claim verifiers.</li>
 * </ul>
 * {@link io.hallmark.core.plugin.PluginStore} keeps installed versions and trusted keys.
 */
package io.hallmark.core.plugin;
