package mcs.verifier.search.plugin;

import java.util.List;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Oracle;
import mcs.problems.spi.Property;
import mcs.problems.spi.PropertyResult;

/** A false user property for the plug-in test: "every permanent is ≥ 0" (the 1×1 matrix [−1] refutes it). */
public final class NonnegativePermanent implements Property {
    @Override
    public String name() {
        return "user:permanent-nonnegative";
    }

    @Override
    public Problem problem() {
        return Problem.PERMANENT;
    }

    @Override
    public String description() {
        return "perm(A) >= 0";
    }

    @Override
    public PropertyResult check(Instance instance, Oracle oracle) {
        Oracle.Reference ref = oracle.reference(instance, null);
        if (!ref.known()) return PropertyResult.discard(ref.solver(), List.of());
        Rational v = Rational.parse(ref.value());
        double score = -v.toDouble();
        if (v.signum() >= 0) return PropertyResult.pass(score, List.of(v.isZero() ? "zero" : "positive"));
        return new PropertyResult(PropertyResult.Outcome.FAIL, "perm = " + v, score, List.of("negative"), Map.of("perm", v.toString()), ref.certificate());
    }
}
