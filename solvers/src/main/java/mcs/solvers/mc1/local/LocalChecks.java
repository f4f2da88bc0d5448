package mcs.solvers.mc1.local;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.engine.exact.NegativeDirection;
import mcs.solvers.mc1.prep.ComponentSplit;

/** One run of {@link LocalChecksSolver} on one instance: the checks in order, with their counters. */
final class LocalChecks {
    /** Relative error allowance of a double row sum: well above (degree + 2) unit roundoffs per term. */
    private static final double SUM_SLACK = 0x1p-50;
    /** A 3×3 determinant above this fraction of a11·a22·a33 (in double) is taken as clearly positive. */
    private static final double DET_SLACK = 1e-9;

    private final String solver;
    private final PartialSymmetricMatrix a;
    private final Pattern pattern;
    private final String sha;
    private final SolverOptions options;
    private final long maxTriangles;
    private final int maxDense;
    private final long t0 = System.nanoTime();
    private final List<String> checks = new ArrayList<>();
    private long trianglesExamined;
    private long trianglesExact;
    private int denseComponents;
    private long steps;

    LocalChecks(String solver, PartialSymmetricMatrix a, String sha, SolverOptions options, long maxTriangles, int maxDense) {
        this.solver = solver;
        this.a = a;
        this.pattern = a.pattern();
        this.sha = sha;
        this.options = options;
        this.maxTriangles = maxTriangles;
        this.maxDense = maxDense;
    }

    SolverResult run() {
        try {
            Certificate c = negativeDiagonal();
            if (c == null) c = zeroDiagonal();
            if (c == null) c = twoByTwo();
            if (c != null) return SolverResult.solved(solver, c, stats(), "local obstruction: " + checks.get(checks.size() - 1));
            ComponentSplit comp = ComponentSplit.of(pattern);
            ZeroFill zf = zeroFill(comp);
            if (zf.certificate != null) return SolverResult.solved(solver, zf.certificate, stats(), zf.how);
            TriangleResult tr = triangles(comp, zf.exactPsd);
            if (tr.certificate != null) return SolverResult.solved(solver, tr.certificate, stats(), "a 3x3 principal block is not PSD");
            String why = "no local obstruction: diagonal, zero-diagonal rows and all 2x2 blocks pass; " + trianglesExamined + " triangles"
                    + (tr.complete ? " (all)" : " (budget of " + maxTriangles + " reached)") + " pass; " + denseComponents
                    + " complete components checked exactly are PSD; zero fill is not diagonally dominant in " + zf.undecided + " of " + comp.count()
                    + " components";
            return SolverResult.unknown(solver, why, stats());
        } catch (DeadlineExceededException e) {
            return new SolverResult(solver, Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats(),
                    "deadline reached during " + (checks.isEmpty() ? "setup" : checks.get(checks.size() - 1)));
        }
    }

    private void tick() {
        if ((++steps & 4095) == 0) options.checkDeadline();
    }

    private Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("checks_run", checks.size());
        m.put("checks", List.copyOf(checks));
        m.put("triangles_examined", trianglesExamined);
        m.put("triangles_exact", trianglesExact);
        m.put("dense_components_checked", denseComponents);
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        return m;
    }

    private Certificate negativeDiagonal() {
        checks.add("negative-diagonal");
        for (int i = 0; i < a.n(); i++) {
            tick();
            if (a.diagonal(i).signum() < 0) {
                return witness(List.of(new Entry(i, i, Rational.ONE)), "negative diagonal entry at (" + (i + 1) + "," + (i + 1) + ")");
            }
        }
        return null;
    }

    private Certificate zeroDiagonal() {
        checks.add("zero-diagonal-row");
        int[][] adj = null;
        for (int i = 0; i < a.n(); i++) {
            if (!a.diagonal(i).isZero()) continue;
            if (adj == null) adj = pattern.adjacency();
            for (int p = adj[0][i]; p < adj[0][i + 1]; p++) {
                tick();
                Rational aij = a.value(adj[2][p]);
                if (aij.isZero()) continue;
                int j = adj[1][p];
                Rational ajj = a.diagonal(j);
                Rational absA = aij.abs();
                // Smallest positive integer s with 2s|a_ij| > a_jj.
                Rational ratio = ajj.divide(absA.multiply(Rational.TWO));
                Rational s = Rational.of(ratio.numerator().divide(ratio.denominator()).add(BigInteger.ONE));
                Rational wij = aij.signum() > 0 ? s.negate() : s;
                List<Entry> w = List.of(new Entry(i, i, s.square()), new Entry(j, j, Rational.ONE), entry(i, j, wij));
                return witness(w, "zero diagonal at " + (i + 1) + " with a nonzero entry in column " + (j + 1));
            }
        }
        return null;
    }

    private Certificate twoByTwo() {
        checks.add("2x2-blocks");
        for (int i = 0; i < a.n(); i++) {
            for (int k = pattern.rowStart(i); k < pattern.rowEnd(i) - 1; k++) {
                tick();
                int j = pattern.col(k);
                double dij = a.approx(k), dii = a.approx(pattern.diagonalEntry(i)), djj = a.approx(pattern.diagonalEntry(j));
                double prod = dii * djj, sq = dij * dij;
                if (Double.isFinite(prod) && Double.isFinite(sq) && sq <= prod * (1 - 1e-9)) continue;
                Rational aij = a.value(k), aii = a.diagonal(i), ajj = a.diagonal(j);
                if (aij.square().compareTo(aii.multiply(ajj)) <= 0) continue;
                // After the zero-diagonal check both diagonals are positive here.
                Rational vi = ajj, vj = aij.negate();
                List<Entry> w = List.of(new Entry(i, i, vi.square()), new Entry(j, j, vj.square()), entry(i, j, vi.multiply(vj)));
                return witness(w, "2x2 block on {" + (j + 1) + "," + (i + 1) + "} has a_ij^2 > a_ii*a_jj");
            }
        }
        return null;
    }

    private record ZeroFill(Certificate certificate, String how, boolean[] exactPsd, int undecided) {}

    private ZeroFill zeroFill(ComponentSplit comp) {
        checks.add("zero-fill-dominance");
        boolean[] dominant = new boolean[comp.count()];
        java.util.Arrays.fill(dominant, true);
        for (int i = 0; i < a.n(); i++) {
            if (!rowDominant(i)) dominant[comp.componentOf(i)] = false;
        }
        boolean[] exactPsd = new boolean[comp.count()];
        int undecided = 0;
        boolean denseRun = false;
        for (int c = 0; c < comp.count(); c++) {
            if (dominant[c]) continue;
            int[] members = comp.members(c);
            if (comp.isComplete(c) && members.length <= maxDense) {
                if (!denseRun) checks.add("dense-components");
                denseRun = true;
                denseComponents++;
                Rational[][] b = block(members);
                Rational[] v = NegativeDirection.find(b);
                if (v != null) {
                    return new ZeroFill(rankOne(members, v, "dense component of order " + members.length), "a complete component of order "
                            + members.length + " is not PSD", exactPsd, 0);
                }
                exactPsd[c] = true;
                continue;
            }
            undecided++;
        }
        if (undecided == 0) {
            Certificate yes = Certificate.completion(sha, new Body.Entries(List.of()));
            return new ZeroFill(yes, "zero fill is PSD: each component is diagonally dominant or a PSD dense block", exactPsd, 0);
        }
        return new ZeroFill(null, null, exactPsd, undecided);
    }

    /** a_ii ≥ Σ_{j≠i} |a_ij|; decided in double when the gap exceeds the rounding allowance, else exactly. */
    private boolean rowDominant(int i) {
        int[][] adj = pattern.adjacency();
        int from = adj[0][i], to = adj[0][i + 1];
        double s = 0;
        for (int p = from; p < to; p++) {
            tick();
            s += Math.abs(a.approx(adj[2][p]));
        }
        double d = a.approx(pattern.diagonalEntry(i));
        double slack = (to - from + 2) * (SUM_SLACK * (Math.abs(d) + s) + Double.MIN_NORMAL);
        if (Double.isFinite(s) && Double.isFinite(d) && Double.isFinite(slack)) {
            if (d - s > slack) return true;
            if (d - s < -slack) return false;
        }
        Rational sum = Rational.ZERO;
        for (int p = from; p < to; p++) sum = sum.add(a.value(adj[2][p]).abs());
        return a.diagonal(i).compareTo(sum) >= 0;
    }

    private record TriangleResult(Certificate certificate, boolean complete) {}

    private TriangleResult triangles(ComponentSplit comp, boolean[] exactPsd) {
        checks.add("triangles");
        Certificate[] found = new Certificate[1];
        TriangleScan.Outcome out = TriangleScan.scan(pattern, maxTriangles, options, (u, v, w, euv, evw, euw) -> {
            trianglesExamined++;
            if (exactPsd[comp.componentOf(u)]) return false;
            double du = a.approx(pattern.diagonalEntry(u)), dv = a.approx(pattern.diagonalEntry(v)), dw = a.approx(pattern.diagonalEntry(w));
            double x = a.approx(euv), y = a.approx(evw), z = a.approx(euw);
            double det = du * dv * dw + 2 * x * y * z - du * y * y - dv * z * z - dw * x * x;
            double scale = du * dv * dw;
            if (Double.isFinite(det) && Double.isFinite(scale) && det > DET_SLACK * scale) return false;
            trianglesExact++;
            int[] members = {u, v, w};
            Rational[] dir = NegativeDirection.find(block(members));
            if (dir == null) return false;
            found[0] = rankOne(members, dir, "triangle {" + (u + 1) + "," + (v + 1) + "," + (w + 1) + "}");
            return true;
        });
        return new TriangleResult(found[0], out.complete());
    }

    /** The fully specified principal block on {@code idx} (every pair must be in Ω). */
    private Rational[][] block(int[] idx) {
        int k = idx.length;
        Rational[][] b = new Rational[k][k];
        for (int r = 0; r < k; r++) {
            for (int s = 0; s <= r; s++) {
                Rational x = a.get(idx[r], idx[s]);
                b[r][s] = x;
                b[s][r] = x;
            }
        }
        return b;
    }

    private Certificate rankOne(int[] idx, Rational[] v, String where) {
        List<Entry> w = new ArrayList<>();
        for (int r = 0; r < idx.length; r++) {
            for (int s = 0; s <= r; s++) {
                Rational x = v[r].multiply(v[s]);
                if (!x.isZero()) w.add(entry(idx[r], idx[s], x));
            }
        }
        return witness(w, where);
    }

    private static Entry entry(int i, int j, Rational x) {
        return new Entry(Math.max(i, j), Math.min(i, j), x);
    }

    /** Wraps W after confirming ⟨W,a⟩ &lt; 0 exactly (PSD-ness holds by construction: rank one or e_i e_iᵀ). */
    private Certificate witness(List<Entry> w, String where) {
        Rational inner = Rational.ZERO;
        for (Entry e : w) {
            Rational x = a.get(e.i(), e.j());
            if (x == null) throw new IllegalStateException("internal error: witness leaves Ω at " + where);
            inner = inner.add(e.i() == e.j() ? e.value().multiply(x) : e.value().multiply(x).multiply(Rational.TWO));
        }
        if (inner.signum() >= 0) throw new IllegalStateException("internal error: witness for " + where + " has <W,a> = " + inner);
        checks.set(checks.size() - 1, checks.get(checks.size() - 1) + ": " + where);
        return Certificate.witness(sha, new Body.Entries(w));
    }
}
