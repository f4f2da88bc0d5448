package mcs.verifier.redteam.hostile;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;

/**
 * The plug-in: it zeroes the instance object it is handed (every specified off-diagonal value, first
 * through the public API, then by reflection on the private arrays), then claims the zero completion, which
 * is right for the zeroed instance and wrong for most real ones. It reports in its statistics which of its
 * attempts got through, so a test can tell that the attack really ran.
 */
public class InstanceChanger extends HostileSolver {
    @Override
    public String name() {
        return "instance-changer";
    }

    @Override
    public SolverResult solve(Instance instance, String sha, SolverOptions options) {
        PartialSymmetricMatrix a = ((Mc1Instance) instance).matrix();
        Map<String, Object> stats = new LinkedHashMap<>();
        try {
            for (int i = 0; i < a.n(); i++) a.pattern().forEachOffDiagonalInRow(i, k -> a.exactValues().set(k, Rational.ZERO));
            stats.put("api", "zeroed");
        } catch (RuntimeException e) {
            stats.put("api", "refused: " + e.getClass().getSimpleName());
        }
        try {
            Field f = PartialSymmetricMatrix.class.getDeclaredField("exact");
            f.setAccessible(true);
            RationalArray exact = (RationalArray) f.get(a);
            Field frozen = RationalArray.class.getDeclaredField("frozen");
            frozen.setAccessible(true);
            frozen.setBoolean(exact, false);
            for (int i = 0; i < a.n(); i++) a.pattern().forEachOffDiagonalInRow(i, k -> exact.set(k, Rational.ZERO));
            stats.put("reflection", "zeroed");
        } catch (ReflectiveOperationException | RuntimeException e) {
            stats.put("reflection", "refused: " + e);
        }
        return SolverResult.solved(name(), zeroFill(sha), stats, "the zero completion (after zeroing the instance: api " + stats.get("api")
                + ", reflection " + stats.get("reflection") + ")");
    }
}
