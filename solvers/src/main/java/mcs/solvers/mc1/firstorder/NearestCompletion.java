package mcs.solvers.mc1.firstorder;

import java.util.SplittableRandom;
import mcs.problems.spi.SolverOptions;

/**
 * The nearest completion in the Burer–Monteiro form: minimise f(F) = ‖P_Ω(FFᵀ) − t‖²_F over F ∈ ℝ^{n×r}
 * (off-diagonal pairs counted twice, SPEC's inner product) for a target t on Ω, by L-BFGS.
 *
 * <p><b>Why it yields NO witnesses.</b> The completable partial matrices form a closed convex cone K whose dual
 * is K* = {W ⪰ 0 supported on Ω}. The projection of t onto K leaves the residual R = P_Ω(X*) − t, and Moreau's
 * decomposition gives R ∈ K* with ⟨R, t⟩ = −‖R‖² (because ⟨R, P_Ω X*⟩ = 0). So on a NO instance the residual at
 * the optimum is a witness with ⟨R, t⟩/tr R bounded away from 0, and near the optimum R is a witness up to a
 * small negative part of its spectrum, which {@link WitnessBuilder} repairs. On a YES instance R → 0.
 *
 * <p>Gradient ∇f = 4·R·F: O(m·r) per evaluation. L-BFGS with {@value #MEMORY} pairs and Armijo backtracking.
 */
final class NearestCompletion {
    static final int MEMORY = 8;
    static final double PAD = 1e-3;

    final ScaledInstance p;
    final double[] target;
    final int r;
    /** The factor, row-major n×r. */
    final double[] f;
    /** The residual R = P_Ω(FFᵀ) − t of the last evaluation at the current iterate. */
    final double[] residual;
    int iterations;
    int evaluations;
    double value;

    NearestCompletion(ScaledInstance p, double[] target, int r, long seed) {
        this.p = p;
        this.target = target;
        this.r = r;
        this.f = new double[p.n * r];
        this.residual = new double[p.m];
        SplittableRandom rng = new SplittableRandom(seed);
        // Rows of norm ≈ 1 match the unit diagonal from the start.
        double s = 1 / Math.sqrt(r);
        for (int q = 0; q < f.length; q++) f[q] = s * gaussian(rng);
    }

    /** Starts from a given factor instead of the random one (copied; same shape). */
    void start(double[] f0) {
        System.arraycopy(f0, 0, f, 0, f.length);
    }

    /**
     * The same problem at rank r2 &gt; r, starting from this factor padded with small random columns (scale
     * {@value #PAD}): a stationary point of rank r whose residual is not PSD is a saddle of the wider problem,
     * and the random columns let the descent leave it.
     */
    NearestCompletion widen(int r2, long seed) {
        NearestCompletion w = new NearestCompletion(p, target, r2, seed);
        for (int i = 0; i < p.n; i++) {
            for (int c = 0; c < r2; c++) w.f[i * r2 + c] = c < r ? f[i * r + c] : PAD * w.f[i * r2 + c];
        }
        // The first new column points along R's most negative eigenvector v: adding c·v changes f by about
        // 2c²·λmin(R) < 0, so the descent leaves the saddle at once; c² = −λmin/2 is a moderate step.
        Lanczos.Eigenpair e = new Lanczos(p.n, (x, y) -> p.multiply(residual, x, y)).smallest(WitnessBuilder.LANCZOS_STEPS, 1e-8, seed);
        if (e.value() < 0) {
            double c = Math.sqrt(-e.value() / 2);
            for (int i = 0; i < p.n; i++) w.f[i * r2 + r] = c * e.vector()[i];
        }
        w.iterations = iterations;
        w.evaluations = evaluations;
        return w;
    }

    private double evaluate(double[] x, double[] g, double[] res) {
        java.util.Arrays.fill(g, 0);
        double sum = 0;
        for (int k = 0; k < p.m; k++) {
            int i = p.row[k] * r, j = p.col[k] * r;
            double dot = 0;
            for (int c = 0; c < r; c++) dot += x[i + c] * x[j + c];
            double rk = dot - target[k];
            res[k] = rk;
            if (i == j) {
                sum += rk * rk;
                for (int c = 0; c < r; c++) g[i + c] += 4 * rk * x[i + c];
            } else {
                sum += 2 * rk * rk;
                for (int c = 0; c < r; c++) {
                    g[i + c] += 4 * rk * x[j + c];
                    g[j + c] += 4 * rk * x[i + c];
                }
            }
        }
        evaluations++;
        return sum;
    }

    /**
     * Runs up to {@code steps} more L-BFGS iterations (the curvature memory is restarted on each call, which keeps
     * the calls independent); stops early when ‖∇f‖ ≤ gtol. Leaves {@link #residual} at the final iterate.
     *
     * @return true when the iteration stopped at a stationary point or a failed line search
     */
    boolean run(int steps, double gtol, SolverOptions options) {
        int size = f.length;
        double[][] s = new double[MEMORY][], y = new double[MEMORY][];
        double[] rho = new double[MEMORY], alpha = new double[MEMORY];
        double[] g = new double[size], d = new double[size], xn = new double[size], gn = new double[size];
        double[] resn = new double[p.m];
        value = evaluate(f, g, residual);
        int stored = 0, newest = -1;
        double lastStep = 1;
        for (int it = 0; it < steps; it++) {
            options.checkDeadline();
            if (Math.sqrt(Lanczos.dot(g, g)) <= gtol) return true;
            System.arraycopy(g, 0, d, 0, size);
            for (int t = 0; t < stored; t++) {
                int q = Math.floorMod(newest - t, MEMORY);
                alpha[q] = rho[q] * Lanczos.dot(s[q], d);
                axpy(-alpha[q], y[q], d);
            }
            double gamma = stored > 0 ? Lanczos.dot(s[newest], y[newest]) / Lanczos.dot(y[newest], y[newest]) : 1;
            for (int q = 0; q < size; q++) d[q] *= -gamma;
            for (int t = stored - 1; t >= 0; t--) {
                int q = Math.floorMod(newest - t, MEMORY);
                double beta = rho[q] * Lanczos.dot(y[q], d);
                axpy(-alpha[q] - beta, s[q], d);
            }
            double gd = Lanczos.dot(g, d);
            if (!(gd < 0)) {
                stored = 0;
                for (int q = 0; q < size; q++) d[q] = -g[q];
                gd = -Lanczos.dot(g, g);
            }
            // Start where the last search ended (times 4): on poorly scaled stretches this saves most of the halvings.
            double step = stored == 0 ? Math.min(1, 1 / Math.sqrt(-gd)) : Math.min(1, 4 * lastStep);
            double fn = Double.NaN;
            boolean accepted = false;
            for (int trial = 0; trial < 40 && !accepted; trial++) {
                for (int q = 0; q < size; q++) xn[q] = f[q] + step * d[q];
                fn = evaluate(xn, gn, resn);
                if (fn <= value + 1e-4 * step * gd) accepted = true;
                else step /= 2;
            }
            if (!accepted) return true;
            lastStep = step;
            double[] sv = new double[size], yv = new double[size];
            for (int q = 0; q < size; q++) {
                sv[q] = xn[q] - f[q];
                yv[q] = gn[q] - g[q];
            }
            double sy = Lanczos.dot(sv, yv);
            if (sy > 1e-12 * Math.sqrt(Lanczos.dot(sv, sv) * Lanczos.dot(yv, yv))) {
                newest = (newest + 1) % MEMORY;
                s[newest] = sv;
                y[newest] = yv;
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, MEMORY);
            }
            System.arraycopy(xn, 0, f, 0, size);
            System.arraycopy(gn, 0, g, 0, size);
            System.arraycopy(resn, 0, residual, 0, p.m);
            value = fn;
            iterations++;
        }
        return false;
    }

    private static void axpy(double c, double[] x, double[] y) {
        for (int q = 0; q < y.length; q++) y[q] += c * x[q];
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
