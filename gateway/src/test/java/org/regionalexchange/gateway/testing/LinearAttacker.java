package org.regionalexchange.gateway.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regionalexchange.gateway.testing.ExactSimplex.Rational;

/**
 * An attacker on published statistics: every unknown figure is a variable (never negative), every
 * relation the published figures imply is a linear equation, and what the attacker can say about one
 * unknown is its smallest and largest value over all solutions, found by linear programming
 * (SDC practice: the feasibility interval of a suppressed cell). Differencing of totals and margins,
 * sums over overlapping periods and regional sums are all such equations. Variables are named; the
 * system is solved per connected component (variables linked through equations), in exact rational
 * arithmetic ({@link ExactSimplex}).
 */
public final class LinearAttacker {

    /** What the attacker can prove about one unknown: it lies in [min, max]. */
    public record Range(double min, double max) {

        /** True when the attacker knows the value exactly. */
        public boolean exact() {
            return max - min < 0.5;
        }
    }

    private record Equation(Map<String, Double> terms, double constant) {
    }

    private final List<Equation> equations = new ArrayList<>();
    private final Map<String, double[]> bounds = new HashMap<>();
    private final Map<String, String> parent = new HashMap<>();

    /** Adds the fact {@code sum of variables (coefficient 1) + constant terms = value}. */
    public void equation(List<String> variables, double value) {
        Map<String, Double> terms = new LinkedHashMap<>();
        variables.forEach(v -> terms.merge(v, 1.0, Double::sum));
        equation(terms, value);
    }

    /** Adds the fact {@code sum of coefficient * variable = value}. */
    public void equation(Map<String, Double> terms, double value) {
        if (terms.isEmpty()) {
            return;
        }
        equations.add(new Equation(Map.copyOf(terms), value));
        String first = null;
        for (String variable : terms.keySet()) {
            find(variable);
            if (first == null) {
                first = variable;
            } else {
                union(first, variable);
            }
        }
    }

    /** Adds what the attacker knows of one variable besides that it is not negative. */
    public void bound(String variable, double min, double max) {
        find(variable);
        bounds.put(variable, new double[] {min, max});
    }

    public boolean knows(String variable) {
        return parent.containsKey(variable);
    }

    /** The smallest and largest value of {@code variable} consistent with every fact. */
    public Range range(String variable) {
        String root = find(variable);
        List<String> component = new ArrayList<>();
        for (String v : parent.keySet()) {
            if (find(v).equals(root)) {
                component.add(v);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        component.forEach(v -> index.put(v, index.size()));
        // Bounds become equations with a slack column each: x - s = min, x + s = max.
        List<String> bounded = component.stream().filter(bounds::containsKey).toList();
        int columns = component.size() + 2 * bounded.size();
        List<Rational[]> rows = new ArrayList<>();
        List<Rational> values = new ArrayList<>();
        for (Equation equation : equations) {
            String any = equation.terms().keySet().iterator().next();
            if (!find(any).equals(root)) {
                continue;
            }
            Rational[] row = zeros(columns);
            equation.terms().forEach((v, c) -> row[index.get(v)] = row[index.get(v)].add(Rational.of(c)));
            rows.add(row);
            values.add(Rational.of(equation.constant()));
        }
        int slack = component.size();
        for (String v : bounded) {
            double[] bound = bounds.get(v);
            Rational[] low = zeros(columns);
            low[index.get(v)] = Rational.ONE;
            low[slack++] = Rational.of(-1);
            rows.add(low);
            values.add(Rational.of(bound[0]));
            Rational[] high = zeros(columns);
            high[index.get(v)] = Rational.ONE;
            high[slack++] = Rational.ONE;
            rows.add(high);
            values.add(Rational.of(bound[1]));
        }
        if (rows.isEmpty()) {
            return new Range(0, Double.POSITIVE_INFINITY);
        }
        Rational[][] a = rows.toArray(Rational[][]::new);
        Rational[] b = values.toArray(Rational[]::new);
        Rational[] up = zeros(columns);
        up[index.get(variable)] = Rational.ONE;
        Rational[] down = zeros(columns);
        down[index.get(variable)] = Rational.of(-1);
        ExactSimplex.Result min = ExactSimplex.minimize(up, a, b);
        ExactSimplex.Result max = ExactSimplex.minimize(down, a, b);
        return new Range(min.unbounded() ? Double.NEGATIVE_INFINITY : min.value().doubleValue(),
                max.unbounded() ? Double.POSITIVE_INFINITY : -max.value().doubleValue());
    }

    private static Rational[] zeros(int n) {
        Rational[] row = new Rational[n];
        java.util.Arrays.fill(row, Rational.ZERO);
        return row;
    }

    private String find(String variable) {
        String p = parent.computeIfAbsent(variable, v -> v);
        if (p.equals(variable)) {
            return p;
        }
        String root = find(p);
        parent.put(variable, root);
        return root;
    }

    private void union(String a, String b) {
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
