package io.hallmark.api;

import org.pf4j.ExtensionPoint;

/**
 * A third-party verifier or scorer that joins the governance stage (annotate with {@code @org.pf4j.Extension}).
 * It gets every piece of content of the modalities it {@link #appliesTo applies to} and returns a scored,
 * explained finding that the policy engine can act on.
 */
public interface GovernanceCheck extends ExtensionPoint {

    /** A stable name for reports and policies, e.g. {@code acme-nli-verifier}. */
    String name();

    /** Whether this check looks at content of this modality. */
    boolean appliesTo(Modality modality);

    /** Checks one piece of content. Must be thread-safe. */
    CheckResult check(CheckInput input, PluginContext context);
}
