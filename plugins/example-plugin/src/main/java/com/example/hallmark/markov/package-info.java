/**
 * An example third-party Hallmark plugin: {@link com.example.hallmark.markov.MarkovGenerator} writes text with a
 * Markov chain; {@link com.example.hallmark.markov.MarkovPlugin} is its lifecycle hook.
 */
package com.example.hallmark.markov;
