package mcs.solvers.engine.lowrank;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.spi.SolverOptions;
import mcs.solvers.engine.parallel.Team;

/**
 * The Burer–Monteiro search shared by the MC1 and MC2 {@code burer-monteiro} solvers: find F ∈ ℝ^{n×r} and
 * δ &gt; 0 with ‖Δ‖_F² ≤ δ² for Δ = a − FFᵀ − δI on Ω (SPEC §2.1), by L-BFGS on {@link FactorObjective}.
 *
 * <p>Schedule: δ starts at δ₀ = {@code delta-fraction}·min_i a_ii (a certificate needs a_ii &gt; 0), r at
 * {@code initial-rank}. An attempt runs L-BFGS until ‖Δ‖_F² ≤ {@code goal}·δ² (then the certificate is built and
 * checked exactly by {@link FactorCertificate}, whose rounding adds about δ/40 to ‖Δ‖_F; when the check fails it is
 * retried once with 1000 times finer rounding), until it stalls (less
 * than 10% decrease over {@value #STALL_WINDOW} iterations), or until the iteration or time budget ends. After a
 * failed attempt the next one doubles r (up to r_max = min(n, ⌈√(2m)⌉), the Barvinok–Pataki rank) and halves δ,
 * alternately, warm-starting from the current F (new columns start small and random), at most
 * {@value #MAX_ATTEMPTS} attempts; it stops early when an attempt ends with more than half the residual of the
 * attempt two before (one rank step and one shift step without progress). When the diagonal is free (MC2 whose
 * Ω omits it) one attempt fits the off-diagonal values and δ is then set to the exact ‖Δ‖_F: that always
 * certifies.
 *
 * <p>Options ({@link SolverOptions#extra}): {@code max-iterations} (total over attempts); {@code initial-rank}
 * (0: automatic, ⌈0.75·d̄⌉ + 6 clamped to [8, 48] for the average degree d̄ of G(Ω): on random-sparse patterns at
 * n = 10^4 the product iterations × r, which sets the cost, was flat for r between about 0.75·d̄ + 6 and 1.5·d̄ + 2,
 * and lower ranks needed a rank step; the smaller end also moves fewer cache lines per neighbour row);
 * {@code max-rank}; {@code time-share} (fraction of the time left before the deadline this search may use; it then
 * answers UNKNOWN so that {@code auto} can try the next solver); {@code delta-fraction} (default
 * {@value #DELTA_FRACTION}); {@code goal} (default {@value #GOAL}: stop at ‖Δ‖_F ≤ 0.8δ, so that rounding keeps it
 * below δ; the last stretch of the descent is linear, about a factor 2 in ‖Δ‖_F² per 10–13 iterations at n = 3·10^4,
 * so stopping at 0.8δ rather than δ/2 saves about 30 of 290 iterations there); {@code precondition} (default true: L-BFGS with the diagonal preconditioner of {@link #precondition});
 * {@code memory} (L-BFGS pairs, default {@value Lbfgs#MEMORY}); {@code parallel} (default true: with at least
 * {@value #PARALLEL_MIN_ENTRIES} entries in Ω, the objective and the L-BFGS vector passes are cut into
 * {@code parts} fixed row parts run on min({@code parts}, {@link SolverOptions#threads()}) threads, on the calling
 * thread alone when that is 1; the cut does not depend on the thread count, so 1, 2 or 8 threads give bit-identical
 * results; {@code parallel=false} keeps one part, whose results differ only by the order of floating-point sums);
 * {@code parts} (default {@value #PARALLEL_BLOCKS}): the number of those row parts. It caps the useful threads (the
 * objective's rounds hold parts/2 tiles each), so more than 2 threads need more parts; results depend on the part
 * count (the order of floating-point sums), never on the thread count. Every pass ends in a barrier (about 17 per
 * iteration): on a machine loaded beyond its cores one descheduled thread stalls the others, so {@code --threads 1}
 * is the choice there. Initial F: rows
  * N(0, (a_ii − δ)/r) from {@link SolverOptions#seed()}. Cost: 3·m·r multiply-adds per function evaluation
 * (usually 1–2 per iteration) plus about 2·{@code memory} + 3 passes over n·r numbers.
 *
 * <p>Memory, the arrays of one attempt at rank r ({@link #arrayBytes}, reported as statistic {@code arrayBytes}):
 * (48 + 8·{@code memory})·n·r bytes (F, the preconditioner, L-BFGS's x, g, direction and trial point and gradient
 * in double, its {@code memory} pairs in float) plus 16 bytes per pair of Ω (edge arrays) and 20 per row; the
 * certificate then adds 26·n·r (rounded integers, the exact store and its doubles). At n = 10^6, m = 1.1·10^7,
 * r = 21: 2.0 GB, plus 0.55 GB for the certificate; a rank step doubles the first term.
 */
public final class BurerMonteiro {
    public static final double DELTA_FRACTION = 0.25;
    public static final double GOAL = 0.64;
    /** A certificate is built when ‖Δ‖_F² ≤ CERTIFY·δ² (‖Δ‖_F ≤ 0.9δ): below that, rounding can still keep it under δ. */
    static final double CERTIFY = 0.81;
    static final int STALL_WINDOW = 30;
    static final int MAX_ATTEMPTS = 8;

    /** Defaults a solver passes in; each may be overridden by the option of the same name. */
    public record Settings(int maxIterations, int initialRank, int maxRank, double timeShare, double deltaFraction, double goal, boolean precondition, int memory) {
        public Settings with(SolverOptions o) {
            return new Settings(o.extraInt("max-iterations", maxIterations),
                    o.extraInt("initial-rank", initialRank),
                    o.extraInt("max-rank", maxRank),
                    o.extraDouble("time-share", timeShare),
                    o.extraDouble("delta-fraction", deltaFraction),
                    o.extraDouble("goal", goal),
                    Boolean.parseBoolean(o.extra("precondition", Boolean.toString(precondition))),
                    o.extraInt("memory", memory));
        }
    }

    /** @param body the checked certificate body, or null; @param message the note or the reason for UNKNOWN */
    public record Result(Body.Factor body, Map<String, Object> statistics, String message) {}

    private BurerMonteiro() {}

    /** Below this many entries of Ω one evaluation takes well under a millisecond: threads would cost more than they save. */
    static final int PARALLEL_MIN_ENTRIES = 50_000;

    /** Row blocks of the parallel mode by default ({@code parts}): fixed, so that its results do not depend on the number of threads. */
    static final int PARALLEL_BLOCKS = 4;

    public static Result run(FitTarget target, SolverOptions options, Settings settings) {
        boolean parallel = Boolean.parseBoolean(options.extra("parallel", "true")) && target.omega.m() >= PARALLEL_MIN_ENTRIES;
        int parts = parallel ? Math.max(1, options.extraInt("parts", PARALLEL_BLOCKS)) : 1;
        int threads = Math.max(1, Math.min(parts, options.threads()));
        try (Team team = new Team(threads)) {
            Result res = run(target, options, settings, new RowBlocks(target.omega, threads > 1 ? team : null, parts));
            res.statistics().put("threads", threads);
            res.statistics().put("blocks", parts);
            return res;
        }
    }

    private static Result run(FitTarget target, SolverOptions options, Settings settings, RowBlocks blocks) {
        long t0 = System.nanoTime();
        long stopAt = Long.MAX_VALUE;
        if (options.deadlineNanos() != Long.MAX_VALUE && settings.timeShare() < 1) {
            stopAt = t0 + (long) (settings.timeShare() * Math.max(0, options.deadlineNanos() - t0));
        }
        int n = target.n();
        Map<String, Object> stats = new LinkedHashMap<>();
        long constrained = target.diagonalConstrained ? target.omega.m() : target.omega.edges();
        int rMax = (int) Math.max(1, Math.min(Math.min(n, settings.maxRank()), Math.ceil(Math.sqrt(2.0 * constrained))));
        // Auto start (see the class comment): 0.75 × the average degree of G(Ω) plus six.
        int r0 = settings.initialRank() > 0 ? settings.initialRank()
                : (int) Math.max(8, Math.min(48, Math.ceil(1.5 * target.omega.edges() / Math.max(1, n)) + 6));
        int r = Math.max(1, Math.min(rMax, r0));
        double delta = 0;
        if (target.diagonalConstrained) {
            double minDiag = target.minDiagonal();
            if (!(minDiag > 0)) {
                stats.put("seconds", seconds(t0));
                return new Result(null, stats, "min a_ii = " + minDiag + " ≤ 0: no positive shift δ can be certified");
            }
            delta = settings.deltaFraction() * minDiag;
        }
        SplittableRandom rng = new SplittableRandom(options.seed());
        double[] diag = diag(target, delta);
        double meanDiag = 0;
        for (double d : diag) meanDiag += d / n;
        double[] f = startingFactor(diag, r, rng);
        int left = settings.maxIterations(), total = 0, evaluations = 0, attempt = 0;
        long evalNanos = 0, certNanos = 0;
        double value = Double.NaN;
        double[] ends = new double[MAX_ATTEMPTS];
        FactorCertificate.Outcome last = null;
        final long deadline = stopAt;
        for (; attempt < MAX_ATTEMPTS; attempt++) {
            final double goal = target.diagonalConstrained ? settings.goal() * delta * delta : 0;
            double[] history = new double[STALL_WINDOW];
            Lbfgs.Stop stop = (it, v) -> {
                if (v <= goal) return true;
                if (System.nanoTime() - deadline > 0 && deadline != Long.MAX_VALUE) return true;
                double old = history[it % STALL_WINDOW];
                history[it % STALL_WINDOW] = v;
                return it >= STALL_WINDOW && v > 0.9 * old;
            };
            double[] pre = settings.precondition() ? precondition(target, diag, r) : null;
            FactorObjective objective = new FactorObjective(target, r, delta, blocks);
            stats.put("arrayBytes", Math.max(((Number) stats.getOrDefault("arrayBytes", 0L)).longValue(), arrayBytes(n, target.omega.m(), r, settings.memory())));
            Lbfgs.Result res = Lbfgs.minimise(objective, f, pre, blocks, settings.memory(), left, stop, options);
            left -= res.iterations();
            total += res.iterations();
            evaluations += res.evaluations();
            evalNanos += objective.nanos();
            stats.put("evaluations", evaluations);
            stats.put("evaluationSeconds", evalNanos / 1e9);
            value = res.value();
            if (!target.diagonalConstrained || value <= CERTIFY * delta * delta) {
                long c0 = System.nanoTime();
                last = FactorCertificate.build(target, f, r, delta, value, 0);
                if (last.body() == null) last = FactorCertificate.build(target, f, r, delta, value, 3);
                certNanos += System.nanoTime() - c0;
                stats.put("certificateSeconds", certNanos / 1e9);
                if (last.body() != null) {
                    fill(stats, r, total, attempt + 1, last.residual(), last.shift(), t0);
                    stats.put("digits", last.digits());
                    return new Result(last.body(), stats, "‖Δ‖_F² = " + last.residual() + " ≤ δ² = " + last.shift() * last.shift()
                            + " at rank " + r + " (checked exactly)");
                }
            }
            if (left <= 0 || (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0)) break;
            // Neither a larger rank nor a smaller shift (one of each since two attempts ago) halved the residual:
            // the data are probably not completable with margin; give up early so that auto can try the next solver.
            ends[attempt] = value;
            if (attempt >= 2 && value > 0.5 * ends[attempt - 2]) {
                attempt++;
                break;
            }
            if (attempt % 2 == 0 && r < rMax) {
                int r2 = Math.min(rMax, 2 * r);
                f = widen(f, n, r, r2, 1e-2 * Math.sqrt(Math.max(meanDiag, 1e-300) / r2), rng);
                r = r2;
            } else {
                delta /= 2;
            }
        }
        fill(stats, r, total, attempt, last != null ? last.residual() : value, delta, t0);
        String why = last != null ? "the rounded factor failed the exact check: ‖Δ‖_F² = " + last.residual() + " > δ² = " + last.shift() * last.shift()
                : "no certificate: ‖Δ‖_F² = " + value + " > " + CERTIFY + "·δ² = " + CERTIFY * delta * delta;
        return new Result(null, stats, why + " at rank " + r + " after " + total + " iterations; BM never proves NO");
    }

    /** Bytes of the arrays one attempt holds at rank r (see the class comment). */
    static long arrayBytes(int n, int m, int r, int memory) {
        return (48L + 8L * Math.max(1, memory)) * n * r + 16L * Math.max(0, m - n) + 20L * n;
    }

    private static void fill(Map<String, Object> stats, int r, int iterations, int attempts, double residual, double delta, long t0) {
        stats.put("rank", r);
        stats.put("iterations", iterations);
        stats.put("attempts", attempts);
        stats.put("residual", residual);
        stats.put("delta", delta);
        stats.put("seconds", seconds(t0));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * The factor the solver starts from: row i drawn N(0, (a_ii − δ)₊/r) per entry, rows in order from {@code rng}
     * (public so that the benchmarks of the objective start where the solver does).
     */
    public static double[] startingFactor(FitTarget target, int r, double delta, SplittableRandom rng) {
        return startingFactor(diag(target, delta), r, rng);
    }

    private static double[] startingFactor(double[] diag, int r, SplittableRandom rng) {
        int n = diag.length;
        double[] f = new double[n * r];
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt(diag[i] / r);
            for (int c = 0; c < r; c++) f[i * r + c] = s * rng.nextGaussian();
        }
        return f;
    }

    /** max(0, a_ii − δ): the squared row norms a fit aims at. */
    private static double[] diag(FitTarget target, double delta) {
        double[] d = new double[target.n()];
        for (int i = 0; i < d.length; i++) d[i] = Math.max(0, target.approx[target.omega.diagonalEntry(i)] - delta);
        return d;
    }

    /**
     * A diagonal preconditioner for L-BFGS: the Hessian block of row i is about 4·(Σ_{j∈N(i)} F_jF_jᵀ + 2F_iF_iᵀ),
     * whose trace is 4·(Σ_j |F_j|² + 2|F_i|²) ≈ 4·(Σ_j d_j + 2d_i) with d = max(0, a − δ) on the diagonal. Rows of
     * high degree or large norm are stiffer; without this scaling they set L-BFGS's step for every row. O(m + n·r).
     */
    private static double[] precondition(FitTarget target, double[] d, int r) {
        int n = target.n();
        var omega = target.omega;
        double mean = 0;
        for (double v : d) mean += v / n;
        double floor = Math.max(mean, 1e-300) * 1e-3;
        // Σ_{j∈N(i)} d_j from the lower triangle, each pair once (no full adjacency: 8 bytes per pair less at n = 10^6).
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] += 2 * d[i];
            for (int e = omega.rowStart(i); e < omega.rowEnd(i) - 1; e++) {
                int j = omega.col(e);
                s[i] += d[j];
                s[j] += d[i];
            }
        }
        double[] p = new double[n * r];
        for (int i = 0; i < n; i++) {
            double v = 1 / Math.max(s[i], floor);
            for (int c = 0; c < r; c++) p[i * r + c] = v;
        }
        return p;
    }

    private static double[] widen(double[] f, int n, int r, int r2, double scale, SplittableRandom rng) {
        double[] g = new double[n * r2];
        for (int i = 0; i < n; i++) {
            System.arraycopy(f, i * r, g, i * r2, r);
            for (int c = r; c < r2; c++) g[i * r2 + c] = scale * rng.nextGaussian();
        }
        return g;
    }
}
