package mcs.verifier.search.property;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.instance.Instance;
import mcs.problems.spi.Oracle;
import mcs.problems.spi.PropertyResult;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;

/**
 * {@code soundness:<solver>}: every certificate the solver emits is ACCEPTED by the kernel. REJECTED is a
 * counterexample; UNVERIFIED (kernel budget) and answers without a verdict pass with a label. The solver
 * runs single-threaded, seed 1, 20 s deadline.
 */
public final class SoundnessProperty extends SolverProperty {
    public SoundnessProperty(Solver solver) {
        super("soundness", solver);
    }

    @Override
    public String description() {
        return "every certificate of " + solver.name() + " is accepted by the kernel";
    }

    @Override
    public PropertyResult check(Instance instance, Oracle oracle) {
        List<String> labels = Labels.of(instance);
        if (!solver.accepts(instance)) return PropertyResult.discard("not accepted by " + solver.name(), labels);
        SolverResult r = KernelOracle.run(solver, instance, 20);
        if (r == null) return PropertyResult.discard(solver.name() + " threw", Labels.with(labels, mcs.problems.cert.Verdict.UNKNOWN));
        labels = Labels.with(labels, r.verdict());
        if (r.status() != Status.SOLVED) return PropertyResult.pass(Double.NaN, labels);
        String judgement = oracle.judge(instance, r.certificate());
        if (!judgement.startsWith("REJECTED")) return PropertyResult.pass(Double.NaN, judgement.startsWith("ACCEPTED") ? labels : Labels.with(labels, mcs.problems.cert.Verdict.UNKNOWN));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("solver", r.verdict().name());
        v.put("kernel", judgement);
        return new PropertyResult(PropertyResult.Outcome.FAIL, solver.name() + " claimed " + r.verdict() + " but the kernel says " + judgement,
                Double.POSITIVE_INFINITY, labels, v, null);
    }
}
