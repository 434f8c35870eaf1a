package io.hallmark.api;

/** The type of a generation parameter; JSON values are converted to it when a request is validated. */
public enum ParameterType {
    /** A whole number, held as {@link Long}. */
    INTEGER,
    /** A real number, held as {@link Double}. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A string. */
    STRING,
    /** A list of strings. */
    STRING_LIST,
    /** A conversation: a list of {@code {role, content}} objects, read as {@link ChatTurn}s. */
    MESSAGES
}
