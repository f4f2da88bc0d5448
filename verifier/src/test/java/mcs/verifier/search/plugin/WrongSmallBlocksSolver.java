package mcs.verifier.search.plugin;

import java.util.List;
import java.util.Map;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.verifier.kernel.ExactPsd;

/**
 * A deliberately wrong MC1 solver for the search's tests (loaded only through a plug-in jar, never from the
 * test class path's services): COMPLETABLE, with a bogus zero-fill completion, whenever every fully
 * specified principal block of order 2 and 3 is PSD; UNKNOWN otherwise. Its smallest mistakes are 4×4
 * (on three indices every pattern is chordal, so blocks up to order 3 decide).
 */
public class WrongSmallBlocksSolver implements Solver {
    private final int maxBlock;

    public WrongSmallBlocksSolver() {
        this(3);
    }

    WrongSmallBlocksSolver(int maxBlock) {
        this.maxBlock = maxBlock;
    }

    @Override
    public String name() {
        return "wrong-small-blocks";
    }

    @Override
    public Problem problem() {
        return Problem.PSD_COMPLETION;
    }

    @Override
    public SolverKind kind() {
        return SolverKind.HEURISTIC;
    }

    @Override
    public String guarantees() {
        return "none: a deliberately wrong solver for tests";
    }

    @Override
    public SolverResult solve(Instance instance, String sha, SolverOptions options) {
        PartialSymmetricMatrix a = ((Mc1Instance) instance).matrix();
        int n = a.n();
        for (int i = 0; i < n; i++) {
            if (a.diagonal(i).signum() < 0) return SolverResult.unknown(name(), "negative diagonal", Map.of());
            for (int j = 0; j < i; j++) {
                if (a.get(i, j) == null) continue;
                if (!psd(a, i, j)) return SolverResult.unknown(name(), "a 2x2 block is not PSD", Map.of());
                if (maxBlock < 3) continue;
                for (int k = 0; k < j; k++) {
                    if (a.get(i, k) != null && a.get(j, k) != null && !psd(a, i, j, k)) return SolverResult.unknown(name(), "a 3x3 block is not PSD", Map.of());
                }
            }
        }
        return SolverResult.solved(name(), Certificate.completion(sha, new Body.Entries(List.of())), Map.of(), "small blocks are PSD");
    }

    private static boolean psd(PartialSymmetricMatrix a, int... idx) {
        Rational[][] b = new Rational[idx.length][idx.length];
        for (int x = 0; x < idx.length; x++) for (int y = 0; y < idx.length; y++) b[x][y] = a.get(idx[x], idx[y]);
        return ExactPsd.decide(b).psd();
    }

    /** The literal 2×2 variant: its smallest mistakes are 3×3 (a dense block with PSD 2×2 minors). */
    public static final class TwoByTwo extends WrongSmallBlocksSolver {
        public TwoByTwo() {
            super(2);
        }

        @Override
        public String name() {
            return "wrong-2x2";
        }
    }

}
