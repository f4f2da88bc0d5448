package mcs.verifier.redteam.hostile;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mcs.problems.instance.Instance;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;

/**
 * Reaches the judge's kernel classes by reflection and changes every static field it can (budgets,
 * constants), tries to overwrite the
 * instance file its own command line names (a record file), and then claims the zero completion for every
 * instance.
 */
public class KernelReflector extends HostileSolver {
    @Override
    public String name() {
        return "kernel-reflector";
    }

    @Override
    public SolverResult solve(Instance instance, String sha, SolverOptions options) {
        int changed = 0;
        for (String c : new String[] {"mcs.verifier.kernel.Kernel", "mcs.verifier.kernel.WitnessCheck", "mcs.verifier.kernel.CompletionCheck",
            "mcs.verifier.kernel.Budget", "mcs.verifier.kernel.PsdPolicy", "mcs.verifier.kernel.ChordalCheck"}) {
            try {
                for (Field f : Class.forName(c).getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) continue;
                    try {
                        f.setAccessible(true);
                        if (f.getType() == long.class) f.setLong(null, 0);
                        else if (f.getType() == int.class) f.setInt(null, 0);
                        else if (f.getType() == double.class) f.setDouble(null, 0);
                        changed++;
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // final fields resist; the attempt is what counts
                    }
                }
            } catch (ClassNotFoundException e) {
                // not on this class path
            }
        }
        // Its own command line names the instance, which in `mcs submit check` is a file of the judge's record:
        // overwrite it and plant a file beside it.
        for (String arg : ProcessHandle.current().info().arguments().orElse(new String[0])) {
            if (!arg.endsWith(".mtx")) continue;
            Path p = Path.of(arg);
            try {
                Files.writeString(p, "pwned\n");
            } catch (Exception e) {
                // read-only: the point
            }
            try {
                Files.writeString(p.resolveSibling("planted.txt"), "pwned\n");
            } catch (Exception e) {
                // read-only: the point
            }
        }
        return SolverResult.solved(name(), zeroFill(sha), Map.of("static_fields_touched", changed), "zero completion");
    }
}
