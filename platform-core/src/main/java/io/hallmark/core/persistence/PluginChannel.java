package io.hallmark.core.persistence;

/**
 * Where an installed plugin serves. Administrators install to production; plugin developers install to the
 * sandbox, whose generators answer only jobs submitted on the {@value #SANDBOX_JOB_CHANNEL} policy channel and whose
 * governance checks never judge production content, until an administrator promotes the plugin.
 */
public enum PluginChannel {
    PRODUCTION,
    SANDBOX;

    /** The policy channel of jobs that may use sandbox plugins. */
    public static final String SANDBOX_JOB_CHANNEL = "sandbox";

    /** The plugin channel whose generators may serve a job submitted on a policy channel. */
    public static PluginChannel forJobChannel(String jobChannel) {
        return SANDBOX_JOB_CHANNEL.equals(jobChannel) ? SANDBOX : PRODUCTION;
    }
}
