/**
 * The runnable platform: the {@code hallmark} command line ({@link io.hallmark.app.Main}) and the wiring of
 * a whole server ({@link io.hallmark.app.PlatformServer}). The only module that sees every other one.
 */
package io.hallmark.app;
