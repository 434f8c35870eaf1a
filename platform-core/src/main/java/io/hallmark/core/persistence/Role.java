package io.hallmark.core.persistence;

/** What a console or API user may do. */
public enum Role {
    /** Users, keys, plugins and policies. */
    ADMIN,
    /** Generation and the knowledge base. */
    OPERATOR,
    /** The review queue. */
    REVIEWER,
    /** Read-only audit and export. */
    AUDITOR,
    /** Installs plugins to a sandbox channel. */
    PLUGIN_DEVELOPER
}
