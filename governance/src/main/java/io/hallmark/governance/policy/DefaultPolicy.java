package io.hallmark.governance.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The policy a fresh platform starts with ({@code default-policy.yaml} in this package). */
public final class DefaultPolicy {

    private DefaultPolicy() {}

    /** Its source text. */
    public static String text() {
        try (InputStream in = DefaultPolicy.class.getResourceAsStream("default-policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parsed policy. */
    public static Policy load() {
        return new PolicyParser().parse(text());
    }
}
