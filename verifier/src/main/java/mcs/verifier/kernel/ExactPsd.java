package mcs.verifier.kernel;

import java.math.BigInteger;
import mcs.problems.exact.Rational;

/**
 * Exact decision of positive semidefiniteness for a dense symmetric rational matrix.
 *
 * <p><b>Method.</b> The lower triangle is multiplied by the least common multiple of its denominators
 * (a positive scalar: PSD-ness is unchanged), giving an integer matrix M. Fraction-free (Bareiss)
 * symmetric elimination with diagonal pivoting then runs on the remaining index set S:
 * <ol>
 *   <li>if some active diagonal entry is negative, M is not PSD;
 *   <li>an active index whose diagonal is zero must have an all-zero active row, else M is not PSD; such
 *       an index is dropped (it contributes nothing to the rank);
 *   <li>otherwise the first active index p with a positive diagonal is eliminated:
 *       {@code M_ij ← (M_pp·M_ij − M_ip·M_jp) / prev} for the remaining i, j, where prev is the previous
 *       pivot (1 at the start); then prev = M_pp.
 * </ol>
 * PSD iff the elimination runs out of indices.
 *
 * <p><b>Soundness.</b> After eliminating the pivot set P (|P| = k), the active entry M_ij equals the
 * bordered minor det M[P∪{i}, P∪{j}] (Sylvester's identity), so every division is exact and every entry
 * is an integer bounded by Hadamard's inequality: bit lengths grow linearly in k, not exponentially. That
 * entry also equals d_P · S_ij where d_P = det M[P] &gt; 0 (the last pivot, positive by construction) and S
 * is the Schur complement of M[P] in M. M is PSD iff S is PSD (congruence by a unit triangular matrix).
 * A negative diagonal of S, or a zero diagonal S_ii with S_ij ≠ 0 (the 2×2 principal minor
 * −S_ij² &lt; 0), proves S — hence M — not PSD; a zero row of S can be deleted without changing the
 * answer; a positive pivot is a step of an exact LDLᵀ factorization. Dropped zero rows stay zero under
 * later updates ({@code M_ip = 0} makes the update {@code M_pp·0 − 0}), so they need no further care.
 *
 * <p><b>Fast path.</b> Before eliminating, {@link ModularPd} computes, modulo many primes and
 * reconstructed by the Chinese remainder theorem under Hadamard's bound, the leading principal minors
 * D_1..D_r of a floating-point-chosen pivot order (r = the rank the floating-point factorization sees)
 * and the bordered minors det M[P∪{i}, P∪{j}] = D_r·S_ij of the Schur complement S of that block. All
 * D_k &gt; 0 and S = 0 proves PSD of rank r; all D_k &gt; 0 and some S_ii &lt; 0, or S_ii = 0 for all i
 * with some S_ij ≠ 0, proves not PSD. Anything else (the guide was wrong, unlucky primes) falls back to
 * the elimination, so the answer never depends on floating point.
 *
 * <p><b>Cost.</b> Fast path: O(n⁴·b) word operations. Elimination: O(n³) BigInteger operations on integers of O(n·(b + log n)) bits, b the bit length of
 * the scaled entries: about n⁵ word operations with schoolbook arithmetic. Only the lower triangle is
 * stored and updated (half the work of a general Bareiss). Measured figures are in
 * {@code bench/RESULTS-kernel.md}.
 */
public final class ExactPsd {
    private ExactPsd() {}

    /**
     * Decides whether the symmetric matrix with lower triangle {@code a[i][j]} (j ≤ i) is PSD. The upper
     * triangle is not read; rows may be ragged (length ≥ i + 1) or full.
     */
    public static PsdDecision decide(Rational[][] a) {
        return decideInPlace(scaled(a));
    }

    /** The lower triangle times the lcm of its denominators, as integers. */
    static BigInteger[][] scaled(Rational[][] a) {
        int n = a.length;
        int total = n * (n + 1) / 2;
        Rational[] flat = new Rational[total];
        int t = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) flat[t++] = a[i][j];
        CommonDenominator cd = CommonDenominator.of(flat);
        BigInteger[][] m = new BigInteger[n][];
        t = 0;
        for (int i = 0; i < n; i++) {
            m[i] = new BigInteger[i + 1];
            for (int j = 0; j <= i; j++) m[i][j] = cd.num[t++];
        }
        return m;
    }

    /** As {@link #decide(Rational[][])} for an integer lower triangle; the argument is not modified. */
    public static PsdDecision decideIntegers(BigInteger[][] a) {
        return decideInPlace(copy(a));
    }

    /**
     * Scales to integers and runs only the fraction-free elimination, without the modular fast path: the
     * reference path, used by tests and by the benchmark's side-by-side comparison.
     */
    public static PsdDecision decideByElimination(Rational[][] a) {
        return eliminate(scaled(a));
    }

    private static BigInteger[][] copy(BigInteger[][] a) {
        int n = a.length;
        BigInteger[][] m = new BigInteger[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new BigInteger[i + 1];
            System.arraycopy(a[i], 0, m[i], 0, i + 1);
        }
        return m;
    }

    /**
     * The decision proper; destroys {@code m} (lower triangle, row i of length i + 1). The modular route
     * ({@link ModularPd}) is tried first; whatever it cannot confirm is decided by the fraction-free
     * elimination.
     */
    static PsdDecision decideInPlace(BigInteger[][] m) {
        requireBudget(m);
        return ModularPd.decide(m).orElseGet(() -> eliminate(m));
    }

    /** Refuses (with {@link Budget}) a matrix whose elimination would hold more bits than the kernel's budget. */
    private static void requireBudget(BigInteger[][] m) {
        long bits = 0;
        for (BigInteger[] row : m) for (BigInteger x : row) bits = Math.max(bits, x.bitLength());
        Budget.requireElimination(m.length, bits);
    }

    /** Fraction-free elimination alone (no modular shortcut); destroys {@code m}. */
    static PsdDecision eliminate(BigInteger[][] m) {
        requireBudget(m);
        int n = m.length;
        int[] active = new int[n];
        for (int i = 0; i < n; i++) active[i] = i;
        int size = n;
        int rank = 0;
        int eliminated = 0;
        BigInteger prev = BigInteger.ONE;
        BigInteger[] col = new BigInteger[n];
        while (size > 0) {
            int pivot = -1;
            for (int a = 0; a < size; a++) {
                int i = active[a];
                int s = m[i][i].signum();
                if (s < 0) return PsdDecision.negativePivot(n, rank, i, eliminated);
                if (s > 0 && pivot < 0) pivot = a;
            }
            // Zero diagonals: the whole active row must vanish, then the index is dropped.
            int kept = 0;
            for (int a = 0; a < size; a++) {
                int i = active[a];
                if (m[i][i].signum() != 0) {
                    active[kept++] = i;
                    continue;
                }
                for (int b = 0; b < size; b++) {
                    int j = active[b];
                    if (j != i && entry(m, i, j).signum() != 0) {
                        return PsdDecision.zeroPivotNonzeroRow(n, rank, i, j, eliminated);
                    }
                }
                eliminated++;
            }
            size = kept;
            if (size == 0) break;
            // First active index with a positive diagonal (all remaining diagonals are positive now).
            int p = active[0];
            for (int a = 0; a + 1 < size; a++) active[a] = active[a + 1];
            size--;
            Budget.tick();
            BigInteger pp = m[p][p];
            for (int a = 0; a < size; a++) col[a] = entry(m, active[a], p);
            boolean unitPrev = prev.equals(BigInteger.ONE);
            for (int a = 0; a < size; a++) {
                int i = active[a];
                BigInteger[] row = m[i];
                BigInteger ci = col[a];
                boolean ciZero = ci.signum() == 0;
                for (int b = 0; b <= a; b++) {
                    // active[] stays increasing, so j ≤ i and (i, j) is in the stored lower triangle.
                    int j = active[b];
                    BigInteger v = pp.multiply(row[j]);
                    if (!ciZero && col[b].signum() != 0) v = v.subtract(ci.multiply(col[b]));
                    row[j] = unitPrev ? v : v.divide(prev);
                }
            }
            prev = pp;
            rank++;
            eliminated++;
        }
        return PsdDecision.yes(n, rank);
    }

    private static BigInteger entry(BigInteger[][] m, int i, int j) {
        return i >= j ? m[i][j] : m[j][i];
    }
}
