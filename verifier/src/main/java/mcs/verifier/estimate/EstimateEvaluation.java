package mcs.verifier.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import mcs.problems.cert.ComplexValue;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.instance.Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.problems.spi.Status;
import mcs.verifier.kernel.ModularHafnian;
import mcs.verifier.kernel.ModularPermanent;

/**
 * ARC-style evaluation of heuristic estimators: for every order n and seed, generate the family's
 * instance, compute its exact permanent (or hafnian), run every estimator (found by ServiceLoader, so the
 * verifier never links against a solver), and summarise per estimator and n ({@link Summary}).
 *
 * <p>Exact values come from the kernel's modular recomputation ({@link ModularPermanent},
 * {@link ModularHafnian}: exact for rational input, O(n·2^n) per prime) unless an exact SPI solver is
 * named, whose answer must be SOLVED and exact. Estimator runs use the instance seed as their seed, so
 * the whole evaluation is reproducible; the bootstrap has its own seed.
 */
public final class EstimateEvaluation {
    /** The name that selects the kernel's own exact recomputation. */
    public static final String KERNEL = "kernel";

    /**
     * @param family a permanent or hafnian family (see {@code mcs generate --list})
     * @param params family parameters
     * @param estimators SPI names of the estimators; empty for every estimator of the problem
     * @param exact {@value #KERNEL} or the SPI name of an exact solver of the base problem
     * @param solverOptions options passed to every estimator (e.g. samples)
     * @param timeoutSeconds budget of the whole evaluation (0: none)
     * @param resamples bootstrap resamples for the R² interval
     */
    public record Config(String family, Map<String, String> params, List<Integer> sizes, List<Long> seeds, List<String> estimators,
                         String exact, Map<String, String> solverOptions, double timeoutSeconds, int resamples, long bootstrapSeed) {}

    /** @param complete false when the time budget ran out (then {@code stopReason} says where) */
    public record Result(Config config, Problem problem, List<String> estimators, List<Observation> observations, List<Summary> rows,
                         boolean complete, String stopReason) {}

    private EstimateEvaluation() {}

    /**
     * Runs the evaluation.
     *
     * @param progress receives one line per instance (for stderr)
     * @throws IllegalArgumentException with a one-line reason for an unknown family, estimator or exact solver,
     *     or a family that is not a permanent or hafnian family
     */
    public static Result run(Config c, Consumer<String> progress) {
        Family family = Families.byName(c.family()).orElseThrow(() -> new IllegalArgumentException("unknown family '" + c.family() + "' (see mcs generate --list)"));
        Problem base = family.problem();
        if (base != Problem.PERMANENT && base != Problem.HAFNIAN) {
            throw new IllegalArgumentException("family " + c.family() + " is a " + base.id() + " family; estimate-eval needs a permanent or hafnian family");
        }
        Problem problem = base == Problem.PERMANENT ? Problem.PERMANENT_ESTIMATE : Problem.HAFNIAN_ESTIMATE;
        List<Solver> estimators = estimators(problem, c.estimators());
        Solver exactSolver = KERNEL.equals(c.exact()) ? null : exactSolver(base, c.exact());
        long deadline = c.timeoutSeconds() > 0 ? System.nanoTime() + (long) (c.timeoutSeconds() * 1e9) : Long.MAX_VALUE;
        List<Observation> obs = new ArrayList<>();
        String stop = null;
        int total = c.sizes().size() * c.seeds().size(), done = 0;
        outer:
        for (int n : c.sizes()) {
            for (long seed : c.seeds()) {
                if (System.nanoTime() - deadline > 0) {
                    stop = "time budget of " + c.timeoutSeconds() + " s reached before n = " + n + ", seed = " + seed;
                    break outer;
                }
                progress.accept("[" + (++done) + "/" + total + "] " + c.family() + " n=" + n + " seed=" + seed);
                Instance generated = family.generate(n, seed, c.params()).instance();
                if (!(generated instanceof PermInstance inst)) {
                    throw new IllegalArgumentException("family " + c.family() + " makes instances with repeated rows; estimate-eval needs plain matrices");
                }
                Rational exact = exactValue(inst, exactSolver, deadline);
                if (exact == null) {
                    stop = "time budget reached while computing the exact value at n = " + n + ", seed = " + seed;
                    break outer;
                }
                PermInstance asked = new PermInstance(problem, inst.field(), inst.re(), inst.im());
                for (Solver s : estimators) obs.add(observe(s, asked, exact, seed, c.solverOptions(), deadline));
            }
        }
        List<Summary> rows = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(c.bootstrapSeed());
        for (Solver s : estimators) {
            for (int n : c.sizes()) {
                List<Observation> mine = obs.stream().filter(o -> o.estimator().equals(s.name()) && o.n() == n).toList();
                if (!mine.isEmpty()) rows.add(Summary.of(s.name(), n, mine, c.resamples(), rng.split()));
            }
        }
        return new Result(c, problem, estimators.stream().map(Solver::name).toList(), obs, rows, stop == null, stop);
    }

    private static List<Solver> estimators(Problem problem, List<String> names) {
        List<Solver> all = Solvers.forProblem(problem);
        if (names.isEmpty()) {
            if (all.isEmpty()) throw new IllegalArgumentException("no estimators for " + problem.id() + " are installed");
            return all;
        }
        List<Solver> out = new ArrayList<>();
        for (String name : names) {
            out.add(all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "no estimator '" + name + "' for " + problem.id() + " (available: " + String.join(", ", all.stream().map(Solver::name).toList()) + ")")));
        }
        return out;
    }

    private static Solver exactSolver(Problem base, String name) {
        Solver s = Solvers.byName(name, base).orElseThrow(() -> new IllegalArgumentException(
                "no exact solver '" + name + "' for " + base.id() + " (use '" + KERNEL + "' or see mcs solvers)"));
        if (s.kind() != SolverKind.EXACT) throw new IllegalArgumentException("solver '" + name + "' is not exact");
        return s;
    }

    /** The exact value, or null when the deadline passed. */
    private static Rational exactValue(PermInstance inst, Solver exactSolver, long deadline) {
        if (exactSolver == null) {
            if (inst.problem() == Problem.HAFNIAN) return ModularHafnian.hafnian(inst.re());
            return ModularPermanent.permanent(inst.re());
        }
        SolverOptions o = new SolverOptions(deadline, null, 1, 1, Map.of());
        SolverResult r;
        try {
            r = exactSolver.solve(inst, null, o);
        } catch (DeadlineExceededException e) {
            return null;
        }
        if (r.status() == Status.TIMEOUT) return null;
        if (r.status() != Status.SOLVED || !r.exact()) {
            throw new IllegalStateException("exact solver " + exactSolver.name() + " gave no exact value (" + r.status() + ": " + r.message() + ")");
        }
        ComplexValue v = ComplexValue.parse(r.value());
        if (!v.im().isZero()) throw new IllegalStateException("exact solver " + exactSolver.name() + " returned a complex value for a real matrix");
        return v.re();
    }

    private static Observation observe(Solver s, Instance inst, Rational exact, long seed, Map<String, String> options, long deadline) {
        long t0 = System.nanoTime();
        if (!s.accepts(inst)) {
            return new Observation(s.name(), inst.n(), seed, exact, null, null, null, null, null, 0, "UNSUPPORTED", s.guarantees());
        }
        SolverOptions o = new SolverOptions(deadline, null, seed, 1, options);
        SolverResult r;
        try {
            r = s.solve(inst, null, o);
        } catch (DeadlineExceededException e) {
            r = SolverResult.of(s.name(), Status.TIMEOUT, "time budget reached");
        } catch (RuntimeException e) {
            r = SolverResult.of(s.name(), Status.ERROR, "estimator failed: " + e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.status() != Status.SOLVED) {
            return new Observation(s.name(), inst.n(), seed, exact, null, null, null, null, null, seconds, r.status().name(), r.message());
        }
        Map<String, Object> st = new LinkedHashMap<>(r.statistics());
        return new Observation(s.name(), inst.n(), seed, exact, Rational.parse(r.value()), rational(st.get("lower")), rational(st.get("upper")),
                rational(st.get("ci_lower")), rational(st.get("ci_upper")), seconds, "SOLVED", r.message());
    }

    private static Rational rational(Object v) {
        return v == null ? null : Rational.parse(v.toString());
    }
}
