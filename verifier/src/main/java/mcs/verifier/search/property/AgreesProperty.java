package mcs.verifier.search.property;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.spi.Oracle;
import mcs.problems.spi.PropertyResult;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;

/**
 * {@code agrees:<solver>}: whenever the solver gives a verdict (or an exact value), it equals the exact
 * reference: a kernel-verified answer of the other reference solvers. The solver's own certificate is not
 * looked at (that is {@code soundness:}), so a solver that lies with a bogus certificate is caught here too.
 * No reference answer: DISCARD. Solver UNKNOWN: PASS.
 */
public final class AgreesProperty extends SolverProperty {
    public AgreesProperty(Solver solver) {
        super("agrees", solver);
    }

    @Override
    public String description() {
        return "every verdict of " + solver.name() + " equals the kernel-verified reference";
    }

    @Override
    public PropertyResult check(Instance instance, Oracle oracle) {
        List<String> labels = Labels.of(instance);
        if (!solver.accepts(instance)) return PropertyResult.discard("not accepted by " + solver.name(), labels);
        SolverResult r = KernelOracle.run(solver, instance, 20);
        if (r == null || r.status() != Status.SOLVED) {
            List<String> l = new java.util.ArrayList<>(labels);
            l.add("solver-unknown");
            return PropertyResult.pass(Double.NaN, l);
        }
        Oracle.Reference ref = oracle.reference(instance, solver.name());
        labels = Labels.with(labels, ref.verdict());
        if (!ref.known()) return PropertyResult.discard(ref.solver(), labels);
        boolean same = KernelOracle.isValueProblem(instance.problem()) ? sameValue(r, ref) : r.verdict() == ref.verdict();
        if (same) return PropertyResult.pass(Double.NaN, labels);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("solver", r.value() != null ? r.value() : r.verdict().name());
        v.put("reference", ref.value() != null ? ref.value() : ref.verdict().name());
        v.put("reference_solver", ref.solver());
        return new PropertyResult(PropertyResult.Outcome.FAIL, solver.name() + " says " + v.get("solver") + " but " + ref.solver()
                + " says " + v.get("reference") + " (kernel-verified)", Double.POSITIVE_INFINITY, labels, v, ref.certificate());
    }

    /** Exact values must be equal; an estimate must be within its stated error bound. */
    private static boolean sameValue(SolverResult r, Oracle.Reference ref) {
        if (r.value() == null || ref.value() == null || r.value().contains("i")) return r.value() != null && r.value().equals(ref.value());
        Rational got = Rational.parse(r.value()), want = Rational.parse(ref.value());
        if (r.exact()) return got.equals(want);
        Rational err = r.certificate().errorBound();
        return err != null && got.subtract(want).abs().compareTo(err) <= 0;
    }
}
