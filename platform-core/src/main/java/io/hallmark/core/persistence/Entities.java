package io.hallmark.core.persistence;

import java.util.List;

/** Every entity class Hibernate maps; the schema itself is owned by the Flyway migrations. */
public final class Entities {

    /** The mapped classes, in no particular order. */
    public static final List<Class<?>> ALL = List.of(
            ContentItem.class, GenerationJob.class, GovernanceReport.class, AuditEvent.class,
            PluginRecord.class, Policy.class, UserAccount.class, SigningKeyRecord.class, SessionRecord.class,
            ApiTokenRecord.class, BiasProbeRecord.class);

    private Entities() {}
}
