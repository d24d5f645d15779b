package io.combot.adapter.out.ml;

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives such as the intent
 * head's regularised cross-entropy. Sequential and allocation-free per iteration, so a result depends only on its
 * inputs.
 */
final class Lbfgs {
    private static final int HISTORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 30;

    /** An objective: returns its value at {@code x} and writes its gradient into {@code gradient}. */
    interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** Where the search stopped; {@code iterations} counts accepted steps, {@code evaluations} objective calls. */
    record Outcome(double[] x, double value, double gradientNorm, int iterations, int evaluations) {
    }

    private Lbfgs() {
    }

    /** Minimises from {@code start} until the gradient norm is at most {@code tolerance} or the iterations run out. */
    static Outcome minimise(Objective objective, double[] start, int maxIterations, double tolerance) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double[] direction = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[][] s = new double[HISTORY][n];
        double[][] y = new double[HISTORY][n];
        double[] rho = new double[HISTORY];
        double[] alpha = new double[HISTORY];
        int stored = 0;
        int newest = -1;
        double f = objective.valueAndGradient(x, g);
        int evaluations = 1;
        int iteration = 0;
        while (iteration < maxIterations && norm(g) > tolerance) {
            // Two-loop recursion: direction = -H g, H the inverse-Hessian estimate from the last pairs.
            for (int i = 0; i < n; i++) {
                direction[i] = -g[i];
            }
            for (int j = 0; j < stored; j++) {
                int m = Math.floorMod(newest - j, HISTORY);
                alpha[m] = rho[m] * dot(s[m], direction);
                axpy(-alpha[m], y[m], direction);
            }
            if (stored > 0) {
                scale(dot(s[newest], y[newest]) / dot(y[newest], y[newest]), direction);
            }
            for (int j = stored - 1; j >= 0; j--) {
                int m = Math.floorMod(newest - j, HISTORY);
                double beta = rho[m] * dot(y[m], direction);
                axpy(alpha[m] - beta, s[m], direction);
            }
            double slope = dot(g, direction);
            if (slope >= 0) {
                // Not a descent direction (rounding): restart from steepest descent.
                stored = 0;
                for (int i = 0; i < n; i++) {
                    direction[i] = -g[i];
                }
                slope = dot(g, direction);
            }
            // Without curvature pairs yet, the first step has unit length.
            double step = stored == 0 ? Math.min(1.0, 1.0 / norm(g)) : 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int tries = 0; tries < MAX_BACKTRACKS && !accepted; tries++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * direction[i];
                }
                fNew = objective.valueAndGradient(xNew, gNew);
                evaluations++;
                accepted = fNew <= f + ARMIJO * step * slope;
                step = accepted ? step : step / 2;
            }
            if (!accepted) {
                break;
            }
            double sy = 0;
            double ss = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double si = xNew[i] - x[i];
                double yi = gNew[i] - g[i];
                sy += si * yi;
                ss += si * si;
                yy += yi * yi;
            }
            // Armijo alone does not guarantee positive curvature; a pair without it would break H.
            if (sy > 1e-10 * Math.sqrt(ss * yy)) {
                newest = (newest + 1) % HISTORY;
                for (int i = 0; i < n; i++) {
                    s[newest][i] = xNew[i] - x[i];
                    y[newest][i] = gNew[i] - g[i];
                }
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, HISTORY);
            }
            double[] swap = x;
            x = xNew;
            xNew = swap;
            swap = g;
            g = gNew;
            gNew = swap;
            f = fNew;
            iteration++;
        }
        return new Outcome(x, f, norm(g), iteration, evaluations);
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }
}
