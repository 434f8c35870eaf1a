package io.hallmark.governance.policy;

import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.ParameterError;
import java.util.List;

/** A policy document is malformed; each problem names where it is ({@code rules[2].when.op}) and what was expected. */
public class PolicyValidationException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    public PolicyValidationException(List<ParameterError> problems) {
        super(problems.size() == 1 ? "Invalid policy: " + problems.getFirst().field() + ": " + problems.getFirst().message()
                : "Invalid policy: " + problems.size() + " problems: " + String.join("; ", problems.stream()
                        .map(p -> p.field() + ": " + p.message()).toList()), problems);
    }
}
