package mcs.bench.lowrank;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.families.Families;
import mcs.problems.instance.Mc1Instance;
import mcs.solvers.engine.lowrank.BurerMonteiro;
import mcs.solvers.engine.lowrank.FactorObjective;
import mcs.solvers.engine.lowrank.FitTarget;
import mcs.solvers.engine.lowrank.RowBlocks;
import mcs.solvers.engine.parallel.Team;

/**
 * One Burer–Monteiro objective evaluation (value and gradient) with several column-block sizes, alternated in one
 * JVM on one instance: random-sparse, degree 20, margin 1/10, seed 1, rank 21, F with rows N(0, (a_ii − δ)/r) as the
 * solver starts, the parallel pass with 4 row parts on a team of 2 (the solver's default on this machine kind).
 * Prints, per size, the process CPU time and the wall time of every evaluation and their minima; "default" is the
 * solver's own choice ({@link FactorObjective#defaultBlockBytes}). Process CPU time is the steadier measure on a
 * shared machine (it includes the workers' spinning at barriers, the same for every size).
 *
 * <p>Run: {@code bench/bm-blocks.sh} (arguments: n, sizes in MB or "default", rounds).
 */
public final class ColumnBlockStudy {
    private ColumnBlockStudy() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String[] sizes = (args.length > 1 ? args[1] : "2,default").split(",");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        int r = 21, parts = 4;
        long t0 = System.nanoTime();
        FitTarget t = FitTarget.of((Mc1Instance) Families.byName("random-sparse").orElseThrow()
                .generate(n, 1, Map.of("degree", "20", "margin", "1/10")).instance());
        System.out.printf("n = %d, r = %d, parts = %d, instance in %.1f s, default block %.2f MB%n", n, r, parts,
                (System.nanoTime() - t0) / 1e9, FactorObjective.defaultBlockBytes(n, r) / 1048576.0);
        double delta = BurerMonteiro.DELTA_FRACTION * t.minDiagonal();
        double[] f = BurerMonteiro.startingFactor(t, r, delta, new SplittableRandom(1)), g = new double[n * r];
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Team team = new Team(2)) {
            FactorObjective[] obj = new FactorObjective[sizes.length];
            for (int k = 0; k < sizes.length; k++) {
                long bytes = sizes[k].equals("default") ? FactorObjective.defaultBlockBytes(n, r)
                        : (long) (Double.parseDouble(sizes[k]) * 1048576);
                obj[k] = new FactorObjective(t, r, delta, new RowBlocks(t.omega, team, parts), bytes);
            }
            double[][] cpu = new double[sizes.length][rounds], wall = new double[sizes.length][rounds];
            double[] value = new double[sizes.length];
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < sizes.length; k++) {
                    long c0 = os.getProcessCpuTime(), w0 = System.nanoTime();
                    value[k] = obj[k].evaluate(f, g);
                    wall[k][round] = (System.nanoTime() - w0) / 1e6;
                    cpu[k][round] = (os.getProcessCpuTime() - c0) / 1e6;
                }
            }
            for (int k = 0; k < sizes.length; k++) {
                System.out.printf("block %-8s cpu ms %s (min %.0f), wall ms %s (min %.0f), value %.9e%n", sizes[k],
                        Arrays.toString(Arrays.stream(cpu[k]).mapToLong(Math::round).toArray()), Arrays.stream(cpu[k]).min().orElse(0),
                        Arrays.toString(Arrays.stream(wall[k]).mapToLong(Math::round).toArray()), Arrays.stream(wall[k]).min().orElse(0), value[k]);
            }
        }
    }
}
