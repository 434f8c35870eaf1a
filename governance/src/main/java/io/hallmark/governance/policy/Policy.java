package io.hallmark.governance.policy;

import io.hallmark.api.Modality;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A validated governance policy: which content it covers (modalities and channel), its rules, and the action when
 * none fires. {@link #sha256()} identifies the exact text it was parsed from; every decision records it.
 *
 * @param name the policy's name, e.g. {@code default}
 * @param description what it is for
 * @param modalities the modalities it applies to
 * @param channel the channel it applies to (e.g. {@code default}, {@code public-site}, {@code sandbox})
 * @param rules the rules, in order
 * @param defaultAction the action when no rule fires
 * @param sha256 the SHA-256 of the policy's source text
 */
public record Policy(String name, String description, Set<Modality> modalities, String channel, List<Rule> rules,
        Action defaultAction, String sha256) {

    public Policy {
        Objects.requireNonNull(name, "name");
        modalities = Set.copyOf(modalities);
        rules = List.copyOf(rules);
    }

    public boolean appliesTo(Modality modality, String channelName) {
        return modalities.contains(modality) && channel.equals(channelName);
    }
}
