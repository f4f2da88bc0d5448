package mcs.verifier.search.property;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.cert.Certificate;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Oracle;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;

/**
 * The {@link Oracle} of the search: asks the reference solvers (found at run time through the SPI, in the
 * order given) and keeps the first answer whose certificate the kernel ACCEPTS, so a reference answer is
 * never a solver's word alone. A solver that throws, times out or is refused by the kernel is skipped.
 *
 * <p>Defaults: MC1 {@code chordal, local-checks, ipm}; permanent-style {@code ryser-exact, brute-force,
 * hafnian-brute-force, loop-hafnian-kan} (every answer kernel-verified, the loop hafnian by the kernel's own
 * {@code RecursiveHafnian}); each run single-threaded with seed 1 and a {@code timeoutSeconds} deadline
 * (default 20 s). Thread-safe (solvers are required to be).
 */
public final class KernelOracle implements Oracle {
    public static final List<String> DEFAULT_MC1 = List.of("chordal", "local-checks", "ipm");
    public static final List<String> DEFAULT_PERM = List.of("ryser-exact", "brute-force", "hafnian-brute-force", "loop-hafnian-kan");

    private final List<Solver> solvers;
    private final List<String> order;
    private final double timeoutSeconds;

    /**
     * @param solvers every solver available (SPI and plug-ins)
     * @param order names of the reference solvers in the order they are asked
     */
    public KernelOracle(List<Solver> solvers, List<String> order, double timeoutSeconds) {
        this.solvers = List.copyOf(solvers);
        this.order = List.copyOf(order);
        this.timeoutSeconds = timeoutSeconds;
    }

    public static KernelOracle defaults(List<Solver> solvers) {
        List<String> o = new ArrayList<>(DEFAULT_MC1);
        o.addAll(DEFAULT_PERM);
        return new KernelOracle(solvers, o, 20);
    }

    @Override
    public Reference reference(Instance asked, String excludedSolver) {
        // estimators are checked against the exact permanent of the same matrix
        Instance instance = mcs.verifier.search.gen.Generators.asProblem(asked, asked.problem() == Problem.PERMANENT_ESTIMATE ? Problem.PERMANENT : asked.problem());
        for (String name : order) {
            if (name.equals(excludedSolver)) continue;
            for (Solver s : solvers) {
                if (!s.name().equals(name) || s.problem() != instance.problem() || !s.accepts(instance)) continue;
                SolverResult r = run(s, instance, timeoutSeconds);
                if (r == null || r.status() != Status.SOLVED) continue;
                Judgement j = Kernel.check(instance, null, r.certificate(), KernelOptions.defaults());
                if (j.isAccepted()) return new Reference(r.verdict(), r.value(), r.certificate(), s.name());
            }
        }
        return Reference.none("no reference solver among " + order + " gave a kernel-verified answer");
    }

    /**
     * Judges a certificate on its own deep copy of the instance, taken before the kernel starts: whoever handed
     * the instance in (a plug-in property) cannot change it while it is judged.
     */
    @Override
    public String judge(Instance instance, Certificate certificate) {
        Judgement j = Kernel.check(instance.deepCopy(), null, certificate, KernelOptions.defaults());
        return j.outcome() + ": " + j.reason();
    }

    /**
     * Runs a solver single-threaded with seed 1 and a deadline on a deep copy of the instance, so that the
     * instance the caller judges afterwards is not the object the solver held (a plug-in that changes what it
     * is given, even by reflection, changes only its copy); null when it throws.
     */
    static SolverResult run(Solver s, Instance instance, double timeoutSeconds) {
        try {
            return s.solve(instance.deepCopy(), null, SolverOptions.defaults().withThreads(1).withTimeoutSeconds(timeoutSeconds));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean isValueProblem(Problem p) {
        return p == Problem.PERMANENT || p == Problem.HAFNIAN || p == Problem.PERMANENT_ESTIMATE || p == Problem.LOOP_HAFNIAN;
    }
}
