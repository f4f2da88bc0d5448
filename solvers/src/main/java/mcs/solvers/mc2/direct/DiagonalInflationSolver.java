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
 * MC2 {@code diagonal-inflation}: applies exactly when the instance's Ω does not list the diagonal
 * ({@link Mc2Instance#omegaHasDiagonal()} false), so that B's diagonal is free. Then
 * B_ij = (AAᵀ)_ij on Ω's off-diagonal pairs, B_ij = 0 on the other off-diagonal pairs, and
 * B_ii = Σ_{j≠i, (i,j)∈Ω} |(AAᵀ)_ij|. B is symmetric and diagonally dominant with a nonnegative diagonal,
 * hence PSD (Gershgorin). The {@code entries} answer lists only the nonzero diagonal values (the other
 * off-Ω positions are 0 = unlisted).
 *
 * <p>Cost: one exact dot product of length k per off-diagonal pair of Ω, O(m·k) time, O(n) certificate.
 * On instances whose Ω lists the diagonal it does not apply (the diagonal of B is then fixed to
 * (AAᵀ)_ii and need not dominate).
 *
 * <p>Auto rank 91, after {@code trivial-factor} (90): the kernel decides an {@code entries} answer by a dense
 * n×n PSD test, so this O(n)-size answer is cheap to produce but not to verify at large n.
 */
public final class DiagonalInflationSolver extends BaseSolver<Mc2Instance> {
    public DiagonalInflationSolver() {
        super(Mc2Instance.class, new SolverInfo("diagonal-inflation", Problem.APPROXIMATE_SQUARING, SolverKind.EXACT, 91,
                "always SOLVED when Ω omits the diagonal (else not applicable): B = (AA^T) on Ω's off-diagonal pairs, 0 elsewhere off"
                + " the diagonal, B_ii = sum of |(AA^T)_ij| over Ω's pairs in row i (diagonally dominant, so PSD); exact, O(m·k)"));
    }

    @Override
    protected String refusal(Mc2Instance m) {
        return m.omegaHasDiagonal() ? "diagonal-inflation applies only when Ω omits the diagonal" : null;
    }

    @Override
    protected SolverResult run(Mc2Instance mc2, String sha, SolverOptions options) {
        long t0 = System.nanoTime();
        Pattern omega = mc2.omega();
        int n = mc2.n();
        ScaledRows rows = new ScaledRows(mc2.a());
        BigInteger[] d = new BigInteger[n];
        java.util.Arrays.fill(d, BigInteger.ZERO);
        for (int i = 0; i < n; i++) {
            options.checkDeadline();
            for (int k = omega.rowStart(i); k < omega.rowEnd(i) - 1; k++) {
                int j = omega.col(k);
                BigInteger v = rows.dot(i, j).abs();
                d[i] = d[i].add(v);
                d[j] = d[j].add(v);
            }
        }
        BigInteger den2 = rows.den.multiply(rows.den);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) if (d[i].signum() != 0) out.add(new Entry(i, i, Rational.of(d[i], den2)));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("entries", out.size());
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        return SolverResult.solved(name(), Certificate.squaring(sha, new Body.Entries(out)), stats,
                "diagonally dominant B: off-diagonal as required on Ω, zero elsewhere");
    }
}
