package mcs.solvers.mc1.structured;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.DeadlineExceededException;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.solvers.mc1.cliquesum.CliqueSum;
import mcs.solvers.mc1.ipm.IpmSolver;

/**
 * {@code structured}: MC1 by clique-separator decomposition ({@link CliqueSum}), with {@link IpmSolver} deciding
 * the general atoms: those that are neither cliques, chordless cycles nor series-parallel, and cycle or
 * series-parallel atoms left undecided (tight), with at most {@code max-general} vertices (default
 * {@value #DEFAULT_MAX_GENERAL}); larger ones, and atoms ipm cannot decide, give UNKNOWN. When the whole
 * instance is one general atom, ipm's own certificate is returned.
 *
 * <p>Cost: O(n·m) for the decomposition (O(n + m) when every vertex has degree 2), Σ|C|³ over clique atoms,
 * O(L) per cycle, O(s + e) per series-parallel atom (s vertices, e edges; 61 interval propagations and O(s)
 * exact 3×3 checks), one ipm run per other atom. Statistics count {@code series_parallel_atoms} (decided
 * that way) and {@code ipm_atoms} (handed to ipm). {@link #accepts}: MC1 instances with n·m ≤ {@value #MAX_WORK},
 * all degrees 2, or G(Ω) series-parallel ({@link CliqueSum#affordable}). The deadline is checked cooperatively.
 */
public final class StructuredSolver extends BaseSolver<Mc1Instance> {
    static final int DEFAULT_MAX_GENERAL = 60;
    static final long MAX_WORK = 500_000_000L;

    public StructuredSolver() {
        super(Mc1Instance.class, new SolverInfo("structured", Problem.PSD_COMPLETION, SolverKind.EXACT, 30,
                "clique-separator atoms (Tarjan; MCS-M): cliques decided exactly (as chordal), chordless cycles by Barrett-Johnson-Loewy"
                + " with a fan completion or a witness built and checked exactly, series-parallel (K4-minor-free) atoms by Laurent's"
                + " cycle condition with a treewidth-2 completion or a violated-cycle witness built and checked exactly (both UNKNOWN"
                + " when the slack is within rounding of 0 or an angle is 0 or pi, then ipm if small), other atoms of <= max-general (60) vertices by ipm (UNKNOWN when ipm is), larger ones"
                + " UNKNOWN; YES as a chordal hint with fill, NO as the atom's witness; O(n·m) decomposition (n·m <= 5e8, or O(n)"
                + " for disjoint cycles) plus the atoms' costs (O(s + e) per series-parallel atom;"
                + " O(n + m) in all when G(Omega) itself is series-parallel and decided as a whole)"));
    }

    @Override
    public boolean accepts(Instance instance) {
        return instance instanceof Mc1Instance mc1 && CliqueSum.affordable(mc1.matrix(), MAX_WORK);
    }

    @Override
    protected SolverResult run(Mc1Instance mc1, String instanceSha256, SolverOptions options) {
        int maxGeneral;
        try {
            maxGeneral = options.extraInt("max-general", DEFAULT_MAX_GENERAL);
        } catch (NumberFormatException e) {
            return SolverResult.of(name(), Status.ERROR, "structured: " + e.getMessage());
        }
        IpmSolver ipm = new IpmSolver();
        CliqueSum cliqueSum = new CliqueSum(name(), new CliqueSum.GeneralAtoms("ipm", maxGeneral, ipm::solve));
        Map<String, Object> stats = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try {
            SolverResult r = cliqueSum.decide(mc1.matrix(), instanceSha256, options, stats);
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            return new SolverResult(name(), r.status(), r.verdict(), r.certificate(), r.value(), r.exact(), stats, r.message());
        } catch (DeadlineExceededException e) {
            stats.put("seconds", (System.nanoTime() - t0) / 1e9);
            return new SolverResult(name(), Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats, "deadline reached");
        }
    }
}
