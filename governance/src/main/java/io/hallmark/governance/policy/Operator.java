package io.hallmark.governance.policy;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiPredicate;

/** A comparison in a policy condition. */
public enum Operator {
    LT("<", (a, b) -> a < b),
    LE("<=", (a, b) -> a <= b),
    GT(">", (a, b) -> a > b),
    GE(">=", (a, b) -> a >= b),
    EQ("==", (a, b) -> Double.compare(a, b) == 0),
    NE("!=", (a, b) -> Double.compare(a, b) != 0);

    private final String symbol;
    private final BiPredicate<Double, Double> test;

    Operator(String symbol, BiPredicate<Double, Double> test) {
        this.symbol = symbol;
        this.test = test;
    }

    public String symbol() {
        return symbol;
    }

    boolean test(double actual, double threshold) {
        return test.test(actual, threshold);
    }

    static Optional<Operator> bySymbol(String symbol) {
        return Arrays.stream(values()).filter(o -> o.symbol.equals(symbol)).findFirst();
    }

    static String symbols() {
        return String.join(", ", Arrays.stream(values()).map(Operator::symbol).toList());
    }
}
