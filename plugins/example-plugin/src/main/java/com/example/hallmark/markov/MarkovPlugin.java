package com.example.hallmark.markov;

import org.pf4j.Plugin;

/**
 * The plugin's lifecycle hook. The host starts it once per loaded version and stops it before unloading; a
 * plugin that holds resources (thread pools, caches) releases them in {@link #stop()}.
 */
public final class MarkovPlugin extends Plugin {

    @Override
    public void start() {
        log.info("Markov example plugin started");
    }

    @Override
    public void stop() {
        MarkovGenerator.clearCache();
        log.info("Markov example plugin stopped");
    }
}
