package io.hallmark.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A host service a plugin asks for in its manifest ({@code Plugin-Permissions: models:read}). The host loads a
 * plugin only when an administrator granted every permission it asks for, and its context refuses services it
 * was not granted.
 */
public enum Permission {
    /** Lease models from the host's model runtime. */
    MODELS_READ("models:read"),
    /** Search the knowledge base ({@link PluginContext#searchKnowledgeBase}). */
    KNOWLEDGE_BASE_READ("kb:read"),
    /** Open network connections: a worker without it runs in a network namespace of its own, with no network. */
    NETWORK("network");

    private final String id;

    Permission(String id) {
        this.id = id;
    }

    /** The name used in manifests and settings, e.g. {@code models:read}. */
    public String id() {
        return id;
    }

    /** Parses a manifest name. @throws IllegalArgumentException naming the valid permissions */
    public static Permission parse(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (Permission p : values()) {
            if (p.id.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown permission '" + id + "'; valid permissions: " + choices());
    }

    public static String choices() {
        return Arrays.stream(values()).map(Permission::id).collect(Collectors.joining(", "));
    }
}
