package io.hallmark.core.model;

import io.hallmark.api.ModelLease;
import io.hallmark.api.ModelRequirement;

/** Where plugins' model leases come from: the host's model runtime. */
public interface ModelProvider {

    /**
     * Lends a model to a plugin.
     *
     * @param holder who holds the lease (a plugin id), for accounting
     * @throws io.hallmark.api.GenerationFailedException naming the file and what was expected when the model is
     *     missing or its checksum differs
     */
    ModelLease lease(ModelRequirement requirement, String holder);

    /**
     * Says that {@code holder} (a plugin that was disabled or removed) will take no more leases, so models only
     * it used can be unloaded once their open leases close.
     */
    default void release(String holder) {}

    /** The holder name of a plugin's leases. */
    static String pluginHolder(String pluginId) {
        return "plugin '" + pluginId + "'";
    }
}
