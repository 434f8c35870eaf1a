package io.hallmark.core.jobs;

import java.time.Instant;
import java.util.Map;

/** One progress event of a job: a step started or ended, output streamed, the job finished. */
public record JobEvent(int seq, String type, Map<String, Object> data, Instant at) {}
