package mcs.verifier.search.property;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.Oracle;
import mcs.problems.spi.Property;
import mcs.problems.spi.PropertyResult;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;

/**
 * {@code bipartite:<solver>}: the identity perm(B) = haf([[0, B], [Bᵀ, 0]]). Instances are permanent instances
 * B (the permanent generators and families). For a hafnian solver, its hafnian of the doubling must equal the
 * kernel-verified reference permanent of B; for a permanent solver, its permanent of B must equal the
 * kernel-verified reference hafnian of the doubling. Equality is exact for exact answers, within the stated
 * error_bound otherwise. No reference (or the solver does not take the instance): DISCARD; solver UNKNOWN:
 * PASS with a label.
 */
public final class BipartiteProperty implements Property {
    private final Solver solver;

    public BipartiteProperty(Solver solver) {
        if (solver.problem() != Problem.HAFNIAN && solver.problem() != Problem.PERMANENT) {
            throw new IllegalArgumentException("bipartite: needs a hafnian or permanent solver, " + solver.name() + " solves " + solver.problem().id());
        }
        this.solver = solver;
    }

    @Override
    public String name() {
        return "bipartite:" + solver.name();
    }

    @Override
    public Problem problem() {
        return Problem.PERMANENT;
    }

    @Override
    public String description() {
        return "perm(B) = haf([[0,B],[B^T,0]]): " + solver.name() + "'s " + solver.problem().id() + " agrees with the kernel-verified other side";
    }

    /** The bipartite doubling of B as a hafnian instance. */
    static PermInstance doubling(PermInstance b) {
        int n = b.n();
        Rational[][] re = new Rational[2 * n][2 * n], im = b.im() == null ? null : new Rational[2 * n][2 * n];
        for (int i = 0; i < 2 * n; i++) {
            for (int j = 0; j < 2 * n; j++) {
                re[i][j] = Rational.ZERO;
                if (im != null) im[i][j] = Rational.ZERO;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                re[i][n + j] = re[n + j][i] = b.re().get(i, j);
                if (im != null) im[i][n + j] = im[n + j][i] = b.im().get(i, j);
            }
        }
        return new PermInstance(Problem.HAFNIAN, b.field(), RationalMatrix.of(re), im == null ? null : RationalMatrix.of(im));
    }

    @Override
    public PropertyResult check(Instance instance, Oracle oracle) {
        List<String> labels = Labels.of(instance);
        if (!(instance instanceof PermInstance b)) return PropertyResult.discard("not a plain permanent instance", labels);
        PermInstance b0 = b.problem() == Problem.PERMANENT ? b : new PermInstance(Problem.PERMANENT, b.field(), b.re(), b.im());
        PermInstance h = doubling(b0);
        Instance mine = solver.problem() == Problem.HAFNIAN ? h : b0;
        Instance other = solver.problem() == Problem.HAFNIAN ? b0 : h;
        if (!solver.accepts(mine)) return PropertyResult.discard("not accepted by " + solver.name(), labels);
        SolverResult r = KernelOracle.run(solver, mine, 20);
        if (r == null || r.status() != Status.SOLVED) return PropertyResult.pass(Double.NaN, Labels.with(labels, mcs.problems.cert.Verdict.UNKNOWN));
        Oracle.Reference ref = oracle.reference(other, solver.name());
        labels = Labels.with(labels, ref.verdict());
        if (!ref.known()) return PropertyResult.discard(ref.solver(), labels);
        if (IdentityValues.agree(r, ref.value())) return PropertyResult.pass(Double.NaN, labels);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("solver", r.value());
        v.put("reference", ref.value());
        v.put("reference_solver", ref.solver());
        String what = solver.problem() == Problem.HAFNIAN ? "haf of the doubling" : "perm(B)";
        return new PropertyResult(PropertyResult.Outcome.FAIL, solver.name() + " gives " + what + " = " + r.value() + " but " + ref.solver()
                + " gives the other side " + ref.value() + " (kernel-verified)", Double.POSITIVE_INFINITY, labels, v, ref.certificate());
    }
}
