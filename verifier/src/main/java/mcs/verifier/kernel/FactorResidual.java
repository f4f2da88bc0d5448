package mcs.verifier.kernel;

import java.math.BigInteger;
import mcs.problems.matrix.Pattern;

/**
 * The two sums of the factor check (SOUNDNESS §2.2): Σ w_ij N_ij² over the constrained positions of Ω, with
 * N_ij = ma·a_ij − mf·(FFᵀ)_ij − [i = j]·md an integer (a and FFᵀ as numerators over their denominators, w = 1 on the
 * diagonal and 2 off it), and the trace Σ_i (FFᵀ)_ii as a numerator.
 *
 * <p>Every quantity is an exact integer. When the target and the factor are held in longs and ma, mf, md fit in 62
 * bits, N_ij is formed with overflow-checked long arithmetic ({@link Math#multiplyExact}, {@link Math#subtractExact}),
 * its square in 128 bits ({@link Math#multiplyHigh}) and the sum in an unsigned 128-bit accumulator moved into a
 * BigInteger before it can overflow. Any entry where a check fails (a dot product or N_ij beyond a long) is
 * computed in BigInteger instead, so the result never depends on the path. Cost O(m·r) with no allocation per
 * entry on the long path (10^7 entries in seconds instead of minutes).
 */
final class FactorResidual {
    private FactorResidual() {}

    /** @return {Σ w N², Σ_i (FFᵀ)_ii numerators} */
    static BigInteger[] sums(Target target, ScaledRows fr, BigInteger ma, BigInteger mf, BigInteger md) {
        boolean fast = target.small != null && fr.hasLongs() && ma.bitLength() <= 62 && mf.bitLength() <= 62 && md.bitLength() <= 62;
        return fast ? longSums(target, fr, ma.longValue(), mf.longValue(), md.longValue(), ma, mf, md) : bigSums(target, fr, ma, mf, md);
    }

    /** The BigInteger route for every entry (the reference the long route is tested against). */
    static BigInteger[] bigSums(Target target, ScaledRows fr, BigInteger ma, BigInteger mf, BigInteger md) {
        Pattern omega = target.omega;
        BigInteger sum = BigInteger.ZERO;
        BigInteger traceF = BigInteger.ZERO;
        for (int i = 0; i < target.n(); i++) {
            Budget.tick();
            for (int k = omega.rowStart(i); k < omega.rowEnd(i); k++) {
                int j = omega.col(k);
                BigInteger s = fr.dot(i, j);
                if (i == j) traceF = traceF.add(s);
                if (i == j && !target.diagonalConstrained) continue;
                sum = sum.add(bigTerm(target.num(k), s, i == j, ma, mf, md));
            }
        }
        return new BigInteger[] {sum, traceF};
    }

    /** w·N² for one position, in BigInteger. */
    private static BigInteger bigTerm(BigInteger a, BigInteger s, boolean diagonal, BigInteger ma, BigInteger mf, BigInteger md) {
        BigInteger nij = ma.equals(BigInteger.ONE) ? a : a.multiply(ma);
        if (s.signum() != 0) nij = nij.subtract(mf.equals(BigInteger.ONE) ? s : s.multiply(mf));
        if (diagonal) nij = nij.subtract(md);
        if (nij.signum() == 0) return BigInteger.ZERO;
        BigInteger sq = nij.multiply(nij);
        return diagonal ? sq : sq.shiftLeft(1);
    }

    private static BigInteger[] longSums(Target target, ScaledRows fr, long ma, long mf, long md, BigInteger bma, BigInteger bmf, BigInteger bmd) {
        Pattern omega = target.omega;
        long[] a = target.small;
        BigInteger sum = BigInteger.ZERO;
        BigInteger traceF = BigInteger.ZERO;
        long traceLow = 0; // the trace in a long until it would overflow
        long accHi = 0, accLo = 0; // unsigned 128-bit partial sum, accHi < 2^62 between entries
        for (int i = 0; i < target.n(); i++) {
            Budget.tick();
            for (int k = omega.rowStart(i); k < omega.rowEnd(i); k++) {
                int j = omega.col(k);
                boolean diagonal = i == j;
                long s = fr.dotLong(i, j);
                if (diagonal) {
                    try {
                        if (s == Long.MIN_VALUE) throw new ArithmeticException();
                        traceLow = Math.addExact(traceLow, s);
                    } catch (ArithmeticException overflow) {
                        traceF = traceF.add(BigInteger.valueOf(traceLow)).add(fr.dot(i, j));
                        traceLow = 0;
                    }
                    if (!target.diagonalConstrained) continue;
                }
                long nij;
                try {
                    if (s == Long.MIN_VALUE) throw new ArithmeticException();
                    nij = Math.subtractExact(Math.multiplyExact(a[k], ma), Math.multiplyExact(s, mf));
                    if (diagonal) nij = Math.subtractExact(nij, md);
                    if (nij == Long.MIN_VALUE) throw new ArithmeticException();
                } catch (ArithmeticException overflow) {
                    sum = sum.add(bigTerm(BigInteger.valueOf(a[k]), fr.dot(i, j), diagonal, bma, bmf, bmd));
                    continue;
                }
                if (nij == 0) continue;
                long v = Math.abs(nij); // < 2^63, so v² < 2^126 and 2v² < 2^127
                long lo = v * v, hi = Math.multiplyHigh(v, v);
                if (!diagonal) {
                    hi = (hi << 1) | (lo >>> 63);
                    lo <<= 1;
                }
                long nl = accLo + lo;
                accHi += hi + (Long.compareUnsigned(nl, accLo) < 0 ? 1 : 0);
                accLo = nl;
                if ((accHi >>> 62) != 0) {
                    sum = sum.add(unsigned(accHi, accLo));
                    accHi = 0;
                    accLo = 0;
                }
            }
        }
        sum = sum.add(unsigned(accHi, accLo));
        traceF = traceF.add(BigInteger.valueOf(traceLow));
        return new BigInteger[] {sum, traceF};
    }

    /** hi·2^64 + lo, both read as unsigned. */
    static BigInteger unsigned(long hi, long lo) {
        BigInteger h = new BigInteger(Long.toUnsignedString(hi));
        return h.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }
}
