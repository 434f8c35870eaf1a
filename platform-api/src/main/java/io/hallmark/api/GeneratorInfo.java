package io.hallmark.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a generator declares about itself: its modality, capabilities, the parameters it accepts (with types,
 * defaults and ranges) and the models it needs.
 *
 * @param name a short human name, e.g. {@code Llama text generator}
 * @param description one or two sentences for the console
 * @param modality what it generates
 * @param capabilities what it can do beyond generating
 * @param parameters every parameter it accepts; requests with any other parameter are rejected
 * @param models the models it leases from the host
 */
public record GeneratorInfo(
        String name,
        String description,
        Modality modality,
        Set<Capability> capabilities,
        List<ParameterSpec> parameters,
        List<ModelRequirement> models) {

    public GeneratorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(modality, "modality");
        capabilities = Set.copyOf(capabilities);
        parameters = List.copyOf(parameters);
        models = List.copyOf(models);
        Set<String> seen = new java.util.HashSet<>();
        for (ParameterSpec p : parameters) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("Generator '" + name + "' declares parameter '" + p.name() + "' twice");
            }
        }
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    /** The names of the accepted parameters, sorted. */
    public Set<String> parameterNames() {
        return parameters.stream().map(ParameterSpec::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Checks a request's parameters against the declared specs and returns them converted, with defaults
     * filled in.
     *
     * @throws InvalidRequestException listing every bad or unknown parameter (unknown ones with the supported names)
     */
    public Map<String, Object> validate(Map<String, Object> requested) {
        List<ParameterError> errors = new ArrayList<>();
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, ParameterSpec> specs = parameters.stream()
                .collect(Collectors.toMap(ParameterSpec::name, p -> p, (a, b) -> a, LinkedHashMap::new));
        for (String key : new TreeSet<>(requested.keySet())) {
            if (!specs.containsKey(key)) {
                errors.add(new ParameterError(key, "Unknown parameter '" + key + "'; supported: " + parameterNames()));
            }
        }
        for (ParameterSpec spec : parameters) {
            Object value = requested.get(spec.name());
            if (value == null) {
                if (spec.defaultValue() != null) {
                    result.put(spec.name(), spec.defaultValue());
                }
                continue;
            }
            try {
                result.put(spec.name(), spec.convert(value));
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            String message = errors.size() == 1 ? errors.getFirst().message()
                    : errors.size() + " invalid parameters: " + errors.stream().map(ParameterError::message)
                            .collect(Collectors.joining("; "));
            throw new InvalidRequestException(message, errors);
        }
        return Map.copyOf(result);
    }
}
