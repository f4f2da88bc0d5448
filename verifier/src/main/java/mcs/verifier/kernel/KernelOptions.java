package mcs.verifier.kernel;

import mcs.problems.exact.Rational;

/**
 * Limits and modes of the kernel.
 *
 * @param tolerance τ of SPEC §2.5 (accept X + τ·max a_ii·I ⪰ 0); zero for exact mode (the default)
 * @param permanentMaxN largest order whose permanent or hafnian is recomputed exactly (default 26)
 * @param exactDenseMaxN largest order decided by exact dense elimination before the rigorous float test
 *     is tried (default 400)
 * @param denseMaxN largest order for which the kernel forms a dense n×n matrix at all (default 4000,
 *     about 200 MB); above it only sparse, factor and chordal checks run, and a check that needs the
 *     dense matrix answers UNVERIFIED
 * @param timeBudgetSeconds wall-clock budget of one {@link Kernel#check}; beyond it the answer is
 *     UNVERIFIED (check {@code budget}); 0 means none. Default 600.
 */
public record KernelOptions(Rational tolerance, int permanentMaxN, int exactDenseMaxN, int denseMaxN, double timeBudgetSeconds) {
    public KernelOptions {
        if (tolerance.signum() < 0) throw new IllegalArgumentException("tolerance must be >= 0");
        if (denseMaxN < 0 || !(timeBudgetSeconds >= 0)) throw new IllegalArgumentException("budgets must be >= 0");
    }

    /** The first three limits with the default dense order and time budget. */
    public KernelOptions(Rational tolerance, int permanentMaxN, int exactDenseMaxN) {
        this(tolerance, permanentMaxN, exactDenseMaxN, 4000, 600);
    }

    public static KernelOptions defaults() {
        return new KernelOptions(Rational.ZERO, 26, 400);
    }

    public KernelOptions withTolerance(Rational t) {
        return new KernelOptions(t, permanentMaxN, exactDenseMaxN, denseMaxN, timeBudgetSeconds);
    }

    public KernelOptions withPermanentMaxN(int k) {
        return new KernelOptions(tolerance, k, exactDenseMaxN, denseMaxN, timeBudgetSeconds);
    }

    public KernelOptions withTimeBudgetSeconds(double s) {
        return new KernelOptions(tolerance, permanentMaxN, exactDenseMaxN, denseMaxN, s);
    }

    public KernelOptions withDenseMaxN(int n) {
        return new KernelOptions(tolerance, permanentMaxN, exactDenseMaxN, n, timeBudgetSeconds);
    }
}
