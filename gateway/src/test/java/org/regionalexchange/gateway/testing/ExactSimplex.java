package org.regionalexchange.gateway.testing;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A two-phase simplex in exact rational arithmetic with Bland's rule (so it cannot cycle): minimize
 * {@code c·x} subject to {@code A x = b}, {@code x >= 0}. Small and slow, and right: the attacker
 * tests must not pass because of a rounding error or a solver bug (Apache Commons Math 3.6.1's
 * SimplexSolver returns non-optimal points on degenerate equality systems such as x0+...+x4 = 8).
 */
final class ExactSimplex {

    /** The optimum, or an unbounded problem (infeasible problems throw). */
    record Result(boolean unbounded, Rational value) {
    }

    private ExactSimplex() {
    }

    static Result minimize(Rational[] c, Rational[][] a, Rational[] b) {
        int m = a.length;
        int n = c.length;
        // Phase 1: one artificial variable per row (rows turned to b >= 0), minimize their sum.
        Rational[][] t = new Rational[m][n + m + 1];
        int[] basis = new int[m];
        for (int i = 0; i < m; i++) {
            boolean flip = b[i].signum() < 0;
            for (int j = 0; j < n; j++) {
                t[i][j] = flip ? a[i][j].negate() : a[i][j];
            }
            for (int j = 0; j < m; j++) {
                t[i][n + j] = i == j ? Rational.ONE : Rational.ZERO;
            }
            t[i][n + m] = flip ? b[i].negate() : b[i];
            basis[i] = n + i;
        }
        Rational[] phase1 = new Rational[n + m];
        Arrays.fill(phase1, Rational.ZERO);
        for (int j = n; j < n + m; j++) {
            phase1[j] = Rational.ONE;
        }
        run(t, basis, phase1, n + m);
        if (objective(t, basis, phase1).signum() != 0) {
            throw new IllegalStateException("infeasible: the published figures contradict each other");
        }
        // Drive artificial variables out of the basis where a real column can take their place.
        for (int i = 0; i < m; i++) {
            if (basis[i] >= n) {
                for (int j = 0; j < n; j++) {
                    if (t[i][j].signum() != 0) {
                        pivot(t, basis, i, j);
                        break;
                    }
                }
            }
        }
        // Phase 2 on the real columns; a row still led by an artificial variable is redundant (all zero).
        Rational[] phase2 = new Rational[n + m];
        Arrays.fill(phase2, Rational.ZERO);
        System.arraycopy(c, 0, phase2, 0, n);
        boolean bounded = run(t, basis, phase2, n);
        return bounded ? new Result(false, objective(t, basis, phase2)) : new Result(true, null);
    }

    /** Pivots until optimal over columns below {@code columns}; false when the objective is unbounded. */
    private static boolean run(Rational[][] t, int[] basis, Rational[] cost, int columns) {
        int m = t.length;
        int rhs = t[0].length - 1;
        while (true) {
            int entering = -1;
            for (int j = 0; j < columns && entering < 0; j++) {
                if (!inBasis(basis, j) && reducedCost(t, basis, cost, j).signum() < 0) {
                    entering = j;
                }
            }
            if (entering < 0) {
                return true;
            }
            int leaving = -1;
            Rational best = null;
            for (int i = 0; i < m; i++) {
                if (t[i][entering].signum() > 0) {
                    Rational ratio = t[i][rhs].divide(t[i][entering]);
                    if (best == null || ratio.compareTo(best) < 0
                            || ratio.compareTo(best) == 0 && basis[i] < basis[leaving]) {
                        best = ratio;
                        leaving = i;
                    }
                }
            }
            if (leaving < 0) {
                return false;
            }
            pivot(t, basis, leaving, entering);
        }
    }

    private static Rational reducedCost(Rational[][] t, int[] basis, Rational[] cost, int j) {
        Rational r = cost[j];
        for (int i = 0; i < t.length; i++) {
            r = r.subtract(cost[basis[i]].multiply(t[i][j]));
        }
        return r;
    }

    private static Rational objective(Rational[][] t, int[] basis, Rational[] cost) {
        Rational value = Rational.ZERO;
        int rhs = t[0].length - 1;
        for (int i = 0; i < t.length; i++) {
            value = value.add(cost[basis[i]].multiply(t[i][rhs]));
        }
        return value;
    }

    private static boolean inBasis(int[] basis, int j) {
        for (int b : basis) {
            if (b == j) {
                return true;
            }
        }
        return false;
    }

    private static void pivot(Rational[][] t, int[] basis, int row, int column) {
        Rational p = t[row][column];
        for (int j = 0; j < t[row].length; j++) {
            t[row][j] = t[row][j].divide(p);
        }
        for (int i = 0; i < t.length; i++) {
            if (i != row && t[i][column].signum() != 0) {
                Rational f = t[i][column];
                for (int j = 0; j < t[i].length; j++) {
                    t[i][j] = t[i][j].subtract(f.multiply(t[row][j]));
                }
            }
        }
        basis[row] = column;
    }

    /** An exact fraction, always in lowest terms with a positive denominator. */
    record Rational(BigInteger numerator, BigInteger denominator) implements Comparable<Rational> {

        static final Rational ZERO = of(0);
        static final Rational ONE = of(1);

        Rational {
            if (denominator.signum() == 0) {
                throw new ArithmeticException("division by zero");
            }
            if (denominator.signum() < 0) {
                numerator = numerator.negate();
                denominator = denominator.negate();
            }
            BigInteger g = numerator.gcd(denominator);
            if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
                numerator = numerator.divide(g);
                denominator = denominator.divide(g);
            }
        }

        static Rational of(long value) {
            return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
        }

        static Rational of(double value) {
            if (value != Math.rint(value)) {
                throw new IllegalArgumentException("only whole numbers are counts: " + value);
            }
            return of((long) value);
        }

        Rational add(Rational o) {
            return new Rational(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                    denominator.multiply(o.denominator));
        }

        Rational subtract(Rational o) {
            return add(o.negate());
        }

        Rational multiply(Rational o) {
            return new Rational(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
        }

        Rational divide(Rational o) {
            return new Rational(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
        }

        Rational negate() {
            return new Rational(numerator.negate(), denominator);
        }

        int signum() {
            return numerator.signum();
        }

        double doubleValue() {
            return numerator.doubleValue() / denominator.doubleValue();
        }

        @Override
        public int compareTo(Rational o) {
            return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
        }
    }
}
