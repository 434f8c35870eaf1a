package io.hallmark.api;

/** One problem with one field of a request: which field, and what is wrong with it. */
public record ParameterError(String field, String message) {}
