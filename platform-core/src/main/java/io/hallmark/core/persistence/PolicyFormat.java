package io.hallmark.core.persistence;

/** The notation a policy document is written in. */
public enum PolicyFormat {
    YAML, JSON
}
