package mcs.solvers.mc1.ipm;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.solvers.engine.dense.Dense;

/**
 * Builds and checks a NO witness in {@code entries} form (SPEC §2.2) from the dual slack Z of the scaled
 * problem (positive definite, supported on Ω).
 *
 * <p>W = D^{-1/2} Z D^{-1/2} / tr Z satisfies ⟨W, a⟩ = ⟨Z, B⟩ / tr Z = u &lt; 0. Adding ηI with
 * η = −θu / Σa_ii (θ = 1/2, then 3/4, 7/8) keeps ⟨W + ηI, a⟩ ≈ (1 − θ)u &lt; 0 and gives a definiteness
 * margin of at least η. The values are rounded to the coarsest grid 2^e that moves W by at most η/4 in
 * spectral norm (Gershgorin), so the entries stay short; then ⟨W, a⟩ &lt; 0 is confirmed exactly, and
 * W ⪰ 0 by a floating-point Cholesky of W − 2cI where c is Rump's bound (REFERENCES §2) — a proof of definiteness by Rump's theorem, with a factor 2 to spare
 * so that the kernel's own test (exact elimination, or Rump's test above its exact limit) succeeds too.
 * Cost: one dense Cholesky (n³/3) and O(m) exact operations per attempt.
 */
final class NoCertificate {
    private static final double U = 0x1p-53;

    private NoCertificate() {}

    /** @return the witness entries, or null when no attempt passes both checks */
    static Body.Entries build(PartialSymmetricMatrix a, MarginSdp p, double[] zv, int threads) {
        int n = p.n, m = p.m;
        double tr = 0, inner = 0, sumA = 0;
        for (int k = 0; k < m; k++) {
            if (p.diagonal[k]) tr += zv[k];
            inner += p.weight(k) * zv[k] * p.value[k];
        }
        if (!(tr > 0)) return null;
        double u = inner / tr;
        if (!(u < 0)) return null;
        Rational sumExact = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            sumA += p.scale[i] * p.scale[i];
            sumExact = sumExact.add(a.diagonal(i));
        }
        int[] rowCount = new int[n];
        double absA = 0;
        for (int k = 0; k < m; k++) {
            rowCount[p.row[k]]++;
            if (!p.diagonal[k]) rowCount[p.col[k]]++;
            absA += p.weight(k) * Math.abs(a.approx(k));
        }
        int maxRow = 1;
        for (int c : rowCount) maxRow = Math.max(maxRow, c);
        double[] w = new double[m];
        for (int k = 0; k < m; k++) w[k] = zv[k] / (p.scale[p.row[k]] * p.scale[p.col[k]] * tr);
        for (double theta : new double[] {0.5, 0.75, 0.875}) {
            double eta = -theta * u / sumA;
            // Rounding by at most q/2 per entry moves W by at most (max row count)·q/2 in spectral norm
            // (Gershgorin) and ⟨W, a⟩ by at most (q/2)·Σ w_k|a_k|: keep both at a quarter of the slack.
            double grid = Math.min(eta / (2.0 * maxRow), (1 - theta) * -u / (2 * absA));
            int e = Dyadic.floorLog2(grid);
            double q = Math.scalb(1.0, e);
            long[] r = new long[m];
            boolean fits = true;
            for (int k = 0; k < m && fits; k++) {
                double v = w[k] / q;
                if (!(Math.abs(v) < Dyadic.MAX_INT)) fits = false;
                else r[k] = Math.round(v);
            }
            long etaK = (long) Math.ceil(eta / q);
            if (!fits || etaK <= 0 || etaK >= Dyadic.MAX_INT) continue;
            Rational etaR = Dyadic.of(etaK, e);
            Rational pairing = etaR.multiply(sumExact);
            for (int k = 0; k < m; k++) {
                if (r[k] == 0) continue;
                Rational t = Dyadic.of(r[k], e).multiply(a.value(k));
                pairing = pairing.add(p.diagonal[k] ? t : t.multiply(2));
            }
            if (pairing.signum() >= 0) continue;
            if (!definite(p, r, etaK, e, threads)) continue;
            List<Entry> list = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                long v = p.diagonal[k] ? r[k] + etaK : r[k];
                if (v != 0) list.add(new Entry(p.row[k], p.col[k], Dyadic.of(v, e)));
            }
            return new Body.Entries(list);
        }
        return null;
    }

    /** Rump's sufficient test for W = 2^e·(R + ηI) ≻ 0, with the shift doubled; W scaled by 2^-e (exact). */
    private static boolean definite(MarginSdp p, long[] r, long etaK, int e, int threads) {
        int n = p.n;
        double[] wd = new double[n * n];
        double trace = 0, maxDiag = 0;
        for (int k = 0; k < p.m; k++) {
            long lv = p.diagonal[k] ? r[k] + etaK : r[k];
            if (Math.abs(lv) >= (1L << 53)) return false;
            double v = (double) lv;
            if (p.diagonal[k]) {
                if (v < 0) return false;
                trace = up(trace + v);
                maxDiag = Math.max(maxDiag, v);
            }
            wd[p.row[k] * n + p.col[k]] = v;
            wd[p.col[k] * n + p.row[k]] = v;
        }
        double n1u = up(up(n + 1) * U);
        double c = up(up(n1u / down(1 - up(2 * n1u))) * trace);
        c = up(c + up(up(4 * Double.MIN_VALUE * n) * up(2 * (n + 1) + maxDiag)));
        c = up(2 * c);
        for (int i = 0; i < n; i++) wd[i * n + i] = down(wd[i * n + i] - c);
        return Dense.cholesky(wd, n, 1);
    }

    private static double up(double x) {
        return Math.nextUp(x);
    }

    private static double down(double x) {
        return Math.nextDown(x);
    }
}
