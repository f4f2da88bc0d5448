package mcs.verifier.kernel;

import mcs.problems.exact.Rational;

/**
 * Limits and modes of the kernel.
 *
 * @param tolerance τ of SPEC §2.5 (accept X + τ·max a_ii·I ⪰ 0); zero for exact mode (the default)
 * @param permanentMaxN largest order whose permanent or hafnian is recomputed exactly (default 26)
 * @param exactDenseMaxN largest order decided by exact dense elimination before the rigorous float test
 *     is tried (default 400)
 */
public record KernelOptions(Rational tolerance, int permanentMaxN, int exactDenseMaxN) {
    public KernelOptions {
        if (tolerance.signum() < 0) throw new IllegalArgumentException("tolerance must be >= 0");
    }

    public static KernelOptions defaults() {
        return new KernelOptions(Rational.ZERO, 26, 400);
    }

    public KernelOptions withTolerance(Rational t) {
        return new KernelOptions(t, permanentMaxN, exactDenseMaxN);
    }

    public KernelOptions withPermanentMaxN(int k) {
        return new KernelOptions(tolerance, k, exactDenseMaxN);
    }
}
