package mcs.solvers.mc1.firstorder;

import java.util.SplittableRandom;

/**
 * Lanczos with full reorthogonalisation for a symmetric operator given only by its action: the smallest
 * eigenpair, and the action of the matrix exponential exp(−τM)·x.
 *
 * <p>k steps cost k products with M plus O(n·k²) for the reorthogonalisation and O(k³) for the tridiagonal
 * eigenproblem ({@link Tridiagonal}). Ritz values bound the spectrum from inside: the smallest Ritz value is
 * an upper bound on λmin(M), exact in exact arithmetic when k reaches the number of distinct eigenvalues.
 * Nothing computed here is trusted for a certificate: certificates are checked exactly or rigorously.
 */
final class Lanczos {
    /** y = M·x for vectors of length n. */
    interface Operator {
        void apply(double[] x, double[] y);
    }

    /** @param value smallest Ritz value; @param vector its unit Ritz vector; @param steps Lanczos steps taken */
    record Eigenpair(double value, double[] vector, int steps) {}

    private final int n;
    private final Operator op;

    Lanczos(int n, Operator op) {
        this.n = n;
        this.op = op;
    }

    /**
     * Smallest Ritz pair after at most {@code maxSteps} steps from a random start (seeded), stopping early when
     * the residual estimate |β_k·s_k| of the smallest Ritz pair falls below {@code tol}.
     */
    Eigenpair smallest(int maxSteps, double tol, long seed) {
        double[] start = new double[n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) start[i] = rng.nextDouble() - 0.5;
        return smallest(start, maxSteps, tol);
    }

    /** As {@link #smallest(int, double, long)} from a given start vector (not modified). */
    Eigenpair smallest(double[] start, int maxSteps, double tol) {
        Basis basis = run(start, Math.min(maxSteps, n), tol, true);
        int k = basis.steps;
        Tridiagonal t = new Tridiagonal(basis.alpha, basis.beta, k);
        int lo = t.smallestIndex();
        double[] y = new double[n];
        for (int j = 0; j < k; j++) {
            double c = t.vectors[j][lo];
            double[] q = basis.q[j];
            for (int i = 0; i < n; i++) y[i] += c * q[i];
        }
        normalise(y);
        return new Eigenpair(t.values[lo], y, k);
    }

    /**
     * exp(−τM)·x up to a positive factor, by a k-step Lanczos approximation (Krylov projection): ‖x‖·Q exp(−τ(T − θI)) e₁
     * with θ the smallest Ritz value (the factor e^{τθ} avoids overflow; callers normalise). Without
     * reorthogonalisation (cheaper: O(k·m)) the approximation stays accurate for the exponential in practice.
     */
    double[] expTimes(double[] x, double tau, int steps, boolean reorthogonalise) {
        double norm = Math.sqrt(dot(x, x));
        double[] y = new double[n];
        if (norm == 0) return y;
        Basis basis = run(x, Math.min(steps, n), 0, reorthogonalise);
        int k = basis.steps;
        Tridiagonal t = new Tridiagonal(basis.alpha, basis.beta, k);
        double shift = t.values[t.smallestIndex()];
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
            double s = 0;
            // exp(−τT)e₁ = V exp(−τΛ) Vᵀe₁; the shift by the smallest Ritz value avoids overflow and is undone by the caller's normalisation
            for (int r = 0; r < k; r++) s += t.vectors[j][r] * Math.exp(-tau * (t.values[r] - shift)) * t.vectors[0][r];
            c[j] = s;
        }
        for (int j = 0; j < k; j++) {
            double[] q = basis.q[j];
            double cj = c[j] * norm;
            for (int i = 0; i < n; i++) y[i] += cj * q[i];
        }
        return y;
    }

    private record Basis(double[][] q, double[] alpha, double[] beta, int steps) {}

    private Basis run(double[] start, int maxSteps, double tol, boolean reorthogonalise) {
        double[][] q = new double[maxSteps][];
        double[] alpha = new double[maxSteps];
        double[] beta = new double[maxSteps];
        double[] v = start.clone();
        normalise(v);
        double[] w = new double[n];
        int k = 0;
        while (k < maxSteps) {
            q[k] = v;
            op.apply(v, w);
            double a = dot(w, v);
            alpha[k] = a;
            for (int i = 0; i < n; i++) w[i] -= a * v[i] + (k > 0 ? beta[k - 1] * q[k - 1][i] : 0);
            // Full reorthogonalisation (twice is enough) keeps the Ritz values free of ghost copies.
            for (int pass = 0; reorthogonalise && pass < 2; pass++) {
                for (int j = 0; j <= k; j++) {
                    double c = dot(w, q[j]);
                    double[] qj = q[j];
                    for (int i = 0; i < n; i++) w[i] -= c * qj[i];
                }
            }
            double b = Math.sqrt(dot(w, w));
            beta[k] = b;
            k++;
            if (b < 1e-13 * (Math.abs(a) + 1)) break;
            if (tol > 0 && k >= 4 && k % 4 == 0) {
                Tridiagonal t = new Tridiagonal(alpha, beta, k);
                int lo = t.smallestIndex();
                if (Math.abs(b * t.vectors[k - 1][lo]) < tol) break;
            }
            v = new double[n];
            for (int i = 0; i < n; i++) v[i] = w[i] / b;
        }
        return new Basis(q, alpha, beta, k);
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    static void normalise(double[] x) {
        double s = Math.sqrt(dot(x, x));
        if (s > 0) for (int i = 0; i < x.length; i++) x[i] /= s;
    }
}
