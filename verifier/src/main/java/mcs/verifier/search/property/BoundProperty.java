package mcs.verifier.search.property;

import java.util.ArrayList;
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
 * {@code bound:<estimator>}: every bound an estimator states holds against the exact reference value
 * (permanent-style problems). Stated bounds are the statistics {@code lower} and {@code upper} of the
 * {@link SolverResult} (exact rational text or a number) and, for an inexact value, value ± its
 * certificate's error bound. A result that states none is DISCARDed with the label {@code no-bound}.
 *
 * <p>Score: the largest violation relative to 1 + |exact| (negative while every bound holds), so targeted
 * search climbs towards instances where the estimator's bound is tightest.
 */
public final class BoundProperty extends SolverProperty {
    public BoundProperty(Solver solver) {
        super("bound", solver);
    }

    @Override
    public String description() {
        return "every stated bound of " + solver.name() + " (statistics lower/upper, value +- error bound) holds";
    }

    @Override
    public PropertyResult check(Instance instance, Oracle oracle) {
        List<String> labels = Labels.of(instance);
        if (!KernelOracle.isValueProblem(instance.problem()) || !solver.accepts(instance)) return PropertyResult.discard("no value to bound", labels);
        SolverResult r = KernelOracle.run(solver, instance, 20);
        if (r == null || r.status() != Status.SOLVED) return PropertyResult.discard("no answer", labels);
        Rational lower = stat(r, "lower"), upper = stat(r, "upper");
        if (!r.exact() && r.value() != null && !r.value().contains("i") && r.certificate().errorBound() != null) {
            Rational v = Rational.parse(r.value()), e = r.certificate().errorBound();
            lower = lower == null ? v.subtract(e) : lower.max(v.subtract(e));
            upper = upper == null ? v.add(e) : upper.min(v.add(e));
        }
        if (lower == null && upper == null) {
            List<String> l = new ArrayList<>(labels);
            l.add("no-bound");
            return PropertyResult.discard(solver.name() + " states no bound", l);
        }
        Oracle.Reference ref = oracle.reference(instance, solver.name());
        if (!ref.known() || ref.value() == null || ref.value().contains("i")) return PropertyResult.discard(ref.solver(), labels);
        Rational exact = Rational.parse(ref.value());
        double scale = 1 + Math.abs(exact.toDouble());
        double score = Double.NEGATIVE_INFINITY;
        if (lower != null) score = Math.max(score, lower.subtract(exact).toDouble() / scale);
        if (upper != null) score = Math.max(score, exact.subtract(upper).toDouble() / scale);
        boolean holds = (lower == null || lower.compareTo(exact) <= 0) && (upper == null || exact.compareTo(upper) <= 0);
        if (holds) return PropertyResult.pass(score, labels);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("lower", lower == null ? null : lower.toString());
        v.put("upper", upper == null ? null : upper.toString());
        v.put("exact", exact.toString());
        v.put("reference_solver", ref.solver());
        return new PropertyResult(PropertyResult.Outcome.FAIL, "stated bounds [" + lower + ", " + upper + "] miss the exact value " + exact,
                Double.POSITIVE_INFINITY, labels, v, ref.certificate());
    }

    private static Rational stat(SolverResult r, String key) {
        Object o = r.statistics().get(key);
        if (o == null) return null;
        if (o instanceof Number num && !(o instanceof java.math.BigInteger) && !(o instanceof java.math.BigDecimal)) {
            double d = num.doubleValue();
            return Double.isFinite(d) ? Rational.ofDouble(d) : null;
        }
        return Rational.parse(o.toString());
    }
}
