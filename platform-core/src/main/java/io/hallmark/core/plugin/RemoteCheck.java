package io.hallmark.core.plugin;

import io.hallmark.api.CheckInput;
import io.hallmark.api.CheckResult;
import io.hallmark.api.ClaimVerifier;
import io.hallmark.api.GovernanceCheck;
import io.hallmark.api.Modality;
import io.hallmark.api.PluginContext;
import io.hallmark.worker.Codec;
import io.hallmark.worker.Protocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A governance check that lives in a worker process: each call becomes a {@code check} frame. */
class RemoteCheck implements GovernanceCheck {

    private final WorkerRuntime runtime;
    private final String name;
    private final Set<Modality> modalities;

    RemoteCheck(WorkerRuntime runtime, String name, Set<Modality> modalities) {
        this.runtime = runtime;
        this.name = name;
        this.modalities = Set.copyOf(modalities);
    }

    /** A check or, when the worker said so, a claim verifier. */
    static RemoteCheck of(WorkerRuntime runtime, Map<String, Object> description) {
        String name = String.valueOf(description.get("name"));
        Set<Modality> modalities = new java.util.HashSet<>();
        if (description.get("modalities") instanceof List<?> list) {
            list.forEach(m -> modalities.add(Modality.valueOf(String.valueOf(m))));
        }
        return Boolean.TRUE.equals(description.get("claimVerifier"))
                ? new RemoteClaimVerifier(runtime, name, modalities) : new RemoteCheck(runtime, name, modalities);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean appliesTo(Modality modality) {
        return modalities.contains(modality);
    }

    @Override
    public CheckResult check(CheckInput input, PluginContext context) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("check", name);
        fields.put("input", Codec.checkInput(input));
        fields.put("deadline", context.deadline().toEpochMilli());
        fields.put("config", context.config());
        Map<String, Object> result = runtime.call(Protocol.CHECK, fields, context);
        return result.get("result") instanceof Map<?, ?> ? Codec.checkResult(Codec.map(result.get("result"))) : null;
    }

    /** A claim verifier in a worker; the host calls it through {@link #check} like every check. */
    static final class RemoteClaimVerifier extends RemoteCheck implements ClaimVerifier {

        RemoteClaimVerifier(WorkerRuntime runtime, String name, Set<Modality> modalities) {
            super(runtime, name, modalities);
        }

        @Override
        public Vote verify(String claim, List<Passage> evidence, PluginContext context) {
            CheckResult result = check(ClaimVerifier.input(claim, evidence), context);
            Object verdict = result.details().get("verdict");
            return new Vote(verdict == null ? Verdict.NOT_ENOUGH_INFO : Verdict.valueOf(String.valueOf(verdict)),
                    result.details().get("confidence") instanceof Number n ? n.doubleValue() : 0, result.explanation(),
                    String.valueOf(result.details().getOrDefault("evidenceId", "")));
        }
    }
}
