package io.hallmark.core;

import java.util.Map;

/**
 * The state of one subsystem.
 *
 * @param status {@code UP}, {@code DEGRADED} (it runs, but some requests will fail; {@code problems} in the details
 *     says why) or {@code DOWN}
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

    /** Running, with {@code problems} (one line each, with the remedy) that will fail some requests. */
    public static SubsystemHealth degraded(Map<String, Object> details, java.util.List<String> problems) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(details);
        all.put("problems", java.util.List.copyOf(problems));
        return new SubsystemHealth("DEGRADED", all);
    }

    public boolean up() {
        return "UP".equals(status);
    }

    public boolean down() {
        return "DOWN".equals(status);
    }
}
