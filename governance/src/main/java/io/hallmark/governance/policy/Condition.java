package io.hallmark.governance.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a rule fires: a comparison of one metric with a number, or all/any/not of other conditions.
 *
 * <p>Conditions use three-valued logic: a comparison over a metric the governance stage did not produce is
 * {@link Truth#UNKNOWN}, not false, so {@code not} of it stays unknown and a rule fires only when its condition is
 * known to hold.
 */
public sealed interface Condition {

    /** Three-valued truth (Kleene logic). */
    enum Truth {
        TRUE, FALSE, UNKNOWN;

        static Truth of(boolean b) {
            return b ? TRUE : FALSE;
        }
    }

    /** The condition's truth for these scores. */
    Truth evaluate(Map<String, Double> scores);

    /** Whether the condition is known to hold. */
    default boolean test(Map<String, Double> scores) {
        return evaluate(scores) == Truth.TRUE;
    }

    /** The metrics this condition reads. */
    Set<String> metrics();

    /** {@code metric op value}, e.g. {@code claims.refuted >= 1}. */
    record Compare(String metric, Operator op, double value) implements Condition {
        @Override
        public Truth evaluate(Map<String, Double> scores) {
            Double actual = scores.get(metric);
            return actual == null || actual.isNaN() ? Truth.UNKNOWN : Truth.of(op.test(actual, value));
        }

        @Override
        public Set<String> metrics() {
            return Set.of(metric);
        }

        @Override
        public String toString() {
            return metric + " " + op.symbol() + " " + (value == Math.rint(value) ? Long.toString((long) value) : value);
        }
    }

    /** Every condition holds. */
    record All(List<Condition> conditions) implements Condition {
        @Override
        public Truth evaluate(Map<String, Double> scores) {
            Truth result = Truth.TRUE;
            for (Condition c : conditions) {
                Truth t = c.evaluate(scores);
                if (t == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        public Set<String> metrics() {
            return union(conditions);
        }

        @Override
        public String toString() {
            return "all" + conditions;
        }
    }

    /** At least one condition holds. */
    record Any(List<Condition> conditions) implements Condition {
        @Override
        public Truth evaluate(Map<String, Double> scores) {
            Truth result = Truth.FALSE;
            for (Condition c : conditions) {
                Truth t = c.evaluate(scores);
                if (t == Truth.TRUE) {
                    return Truth.TRUE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        public Set<String> metrics() {
            return union(conditions);
        }

        @Override
        public String toString() {
            return "any" + conditions;
        }
    }

    /** The condition does not hold. */
    record Not(Condition condition) implements Condition {
        @Override
        public Truth evaluate(Map<String, Double> scores) {
            return switch (condition.evaluate(scores)) {
                case TRUE -> Truth.FALSE;
                case FALSE -> Truth.TRUE;
                case UNKNOWN -> Truth.UNKNOWN;
            };
        }

        @Override
        public Set<String> metrics() {
            return condition.metrics();
        }

        @Override
        public String toString() {
            return "not(" + condition + ")";
        }
    }

    private static Set<String> union(List<Condition> conditions) {
        Set<String> all = new java.util.TreeSet<>();
        conditions.forEach(c -> all.addAll(c.metrics()));
        return all;
    }
}
