package io.hallmark.core.jobs;

import io.hallmark.api.HallmarkException;

/** A queue holds as many jobs as it may; the caller should retry later (HTTP 429). */
public class QueueFullException extends HallmarkException {

    private static final long serialVersionUID = 1L;

    public QueueFullException(String queue, int capacity) {
        super("The queue for '" + queue + "' is full (" + capacity + " jobs waiting or running); retry later");
    }
}
