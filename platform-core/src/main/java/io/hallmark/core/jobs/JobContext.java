package io.hallmark.core.jobs;

import io.hallmark.core.plugin.Cancellation;
import java.util.Map;

/** What a running job may do: record a finished step, report progress, and see whether it must stop. */
public interface JobContext {

    /** Set when the job is cancelled, lost its lease or passed its deadline. */
    Cancellation cancellation();

    /** Records a completed step (fenced by the lease); a later attempt resumes after it. */
    void stepDone(String step, Map<String, Object> state);

    /** A progress event for clients following the job. */
    void event(String type, Map<String, Object> data);
}
