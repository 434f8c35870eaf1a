/**
 * Configuration: {@link io.hallmark.core.config.ConfigLoader} resolves one typed
 * {@link io.hallmark.core.config.HallmarkConfig} from defaults, the data directory's file, the environment
 * and the command line; {@link io.hallmark.core.config.ConfigKey} lists every setting.
 */
package io.hallmark.core.config;
