package mcs.solvers.mc2.direct;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.solvers.engine.lowrank.ScaledRows;

/**
 * MC2 {@code dense-gram}: B = AAᵀ computed exactly and written in {@code entries} form, i.e. every position
 * off Ω (including the diagonal when Ω omits it) with a nonzero value. Always correct (B is a Gram matrix).
 *
 * <p>Cost: (n(n+1)/2 − m) exact row dot products of length k, O(n²·k) time (128-bit integer accumulation
 * over A's common denominator when the numerators are small, BigInteger otherwise), and a certificate of
 * up to n(n+1)/2 entries. Accepted when n ≤ {@value #MAX_N} and n²·k ≤ {@value #MAX_WORK}; the deadline is
 * checked once per row. It is the explicit baseline that near-linear methods are measured against.
 */
public final class DenseGramSolver extends BaseSolver<Mc2Instance> {
    static final int MAX_N = 3000;
    static final long MAX_WORK = 27_000_000_000L;

    public DenseGramSolver() {
        super(Mc2Instance.class, new SolverInfo("dense-gram", Problem.APPROXIMATE_SQUARING, SolverKind.EXACT, 92,
                "always SOLVED when accepted (n <= " + MAX_N + ", n^2·k <= 2.7e10): B = AA^T exactly, listed on every position off Ω;"
                + " O(n^2·k) time, O(n^2) certificate"));
    }

    @Override
    protected String refusal(Mc2Instance m) {
        return m.n() <= MAX_N && (long) m.n() * m.n() * m.a().cols() <= MAX_WORK ? null
                : "dense-gram takes approximate-squaring instances with n <= " + MAX_N + " and n^2·k <= 2.7e10";
    }

    @Override
    protected SolverResult run(Mc2Instance mc2, String sha, SolverOptions options) {
        long t0 = System.nanoTime();
        Pattern omega = mc2.omega();
        ScaledRows rows = new ScaledRows(mc2.a());
        BigInteger den2 = rows.den.multiply(rows.den);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < mc2.n(); i++) {
            options.checkDeadline();
            int p = omega.rowStart(i), end = omega.rowEnd(i);
            for (int j = 0; j <= i; j++) {
                // Ω's row i is sorted: walk it alongside j to skip the constrained positions.
                boolean onOmega = p < end && omega.col(p) == j;
                if (onOmega) p++;
                if (onOmega && (i != j || mc2.omegaHasDiagonal())) continue;
                BigInteger v = rows.dot(i, j);
                if (v.signum() != 0) out.add(new Entry(i, j, Rational.of(v, den2)));
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("entries", out.size());
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        return SolverResult.solved(name(), Certificate.squaring(sha, new Body.Entries(out)), stats, "B = AA^T, exact");
    }
}
