package io.hallmark.core;

import java.util.Map;

/**
 * The state of one subsystem.
 *
 * @param status {@code UP} or {@code DOWN}
 * @param details what the subsystem reports about itself (never secrets)
 */
public record SubsystemHealth(String status, Map<String, Object> details) {

    public SubsystemHealth {
        details = Map.copyOf(details);
    }

    public static SubsystemHealth up(Map<String, Object> details) {
        return new SubsystemHealth("UP", details);
    }

    public static SubsystemHealth down(String reason) {
        return new SubsystemHealth("DOWN", Map.of("error", reason));
    }

    public boolean up() {
        return "UP".equals(status);
    }
}
