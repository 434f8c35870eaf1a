package io.hallmark.core.plugin;

/** Receives what a plugin reports while a call runs: streamed output and progress. */
public interface CallListener {

    /** Does nothing. */
    CallListener NONE = new CallListener() {};

    /** A piece of partial output. */
    default void streamed(String piece) {}

    /** Progress from 0 to 1 with a message. */
    default void progress(double fraction, String message) {}
}
