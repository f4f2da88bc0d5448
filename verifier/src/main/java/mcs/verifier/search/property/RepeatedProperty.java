package mcs.verifier.search.property;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.instance.Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.spi.Oracle;
import mcs.problems.spi.Property;
import mcs.problems.spi.PropertyResult;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;

/**
 * {@code repeated:<solver>}: the repeated-row identity — the solver's value on A with rows and columns repeated
 * (r_1, …, r_n) equals the kernel-verified reference value of the expanded matrix, which repeats row and column
 * i r_i times. Instances of the solver's problem (hafnian, loop-hafnian, permanent): a repeated instance is
 * used as it is; a plain instance of order n ≤ {@value #MAX_PLAIN_N} gets the repeats r_i = 1 + (i mod 3),
 * lowered from the end until the expanded order is at most {@value #MAX_TOTAL} (the reference solvers are
 * brute force), the total made even for the hafnian by raising r_1; for permanents rows and columns alike.
 * No reference, or the solver does not take it: DISCARD; solver UNKNOWN: PASS with a label.
 */
public final class RepeatedProperty implements Property {
    static final int MAX_PLAIN_N = 8;
    static final int MAX_TOTAL = 12;

    private final Solver solver;

    public RepeatedProperty(Solver solver) {
        Problem p = solver.problem();
        if (p != Problem.HAFNIAN && p != Problem.LOOP_HAFNIAN && p != Problem.PERMANENT) {
            throw new IllegalArgumentException("repeated: needs a hafnian, loop-hafnian or permanent solver, " + solver.name() + " solves " + p.id());
        }
        this.solver = solver;
    }

    @Override
    public String name() {
        return "repeated:" + solver.name();
    }

    @Override
    public Problem problem() {
        return solver.problem();
    }

    @Override
    public String description() {
        return "value with repeated rows and columns = value of the expanded matrix: " + solver.name() + " agrees with the kernel-verified expansion";
    }

    /** The repeated instance the property checks for this generated instance, or null. */
    static RepeatedInstance lift(Instance instance) {
        if (instance instanceof RepeatedInstance r) return r;
        if (!(instance instanceof PermInstance p) || p.n() > MAX_PLAIN_N || p.n() == 0) return null;
        int n = p.n();
        int[] r = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) total += r[i] = 1 + i % 3;
        for (int i = n - 1; i >= 0 && total > MAX_TOTAL; i--) {
            total -= r[i] - 1;
            r[i] = 1;
        }
        if (total > MAX_TOTAL) return null;
        if (p.problem() == Problem.HAFNIAN && total % 2 != 0) r[0]++;
        try {
            return new RepeatedInstance(p, r, r);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public PropertyResult check(Instance instance, Oracle oracle) {
        List<String> labels = Labels.of(instance);
        RepeatedInstance rep = lift(instance);
        if (rep == null) return PropertyResult.discard("no repeated instance for this order", labels);
        if (!solver.accepts(rep)) return PropertyResult.discard("not accepted by " + solver.name(), labels);
        SolverResult r = KernelOracle.run(solver, rep, 20);
        if (r == null || r.status() != Status.SOLVED) return PropertyResult.pass(Double.NaN, Labels.with(labels, mcs.problems.cert.Verdict.UNKNOWN));
        Oracle.Reference ref = oracle.reference(rep.expand(), solver.name());
        labels = Labels.with(labels, ref.verdict());
        if (!ref.known()) return PropertyResult.discard(ref.solver(), labels);
        if (IdentityValues.agree(r, ref.value())) return PropertyResult.pass(Double.NaN, labels);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("solver", r.value());
        v.put("reference", ref.value());
        v.put("reference_solver", ref.solver());
        v.put("repeats", java.util.Arrays.toString(rep.rowRepeats()) + (problem() == Problem.PERMANENT ? java.util.Arrays.toString(rep.colRepeats()) : ""));
        return new PropertyResult(PropertyResult.Outcome.FAIL, solver.name() + " gives " + r.value() + " with repeats " + v.get("repeats")
                + " but the expanded matrix has " + ref.value() + " (" + ref.solver() + ", kernel-verified)", Double.POSITIVE_INFINITY, labels, v, ref.certificate());
    }
}
