package mcs.bench.chordal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import mcs.problems.cert.Certificate;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.solvers.mc1.chordal.ChordalSolver;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;

/**
 * Companion of {@link ChordalBench} for a loaded machine: wall time and the calling thread's CPU time of
 * the solver and of the kernel check, per repetition, on the same {@link ChordalData} instances. CPU time
 * does not count time spent descheduled (other processes) nor GC threads, so it is a lower bound of the
 * quiet-machine wall time. Usage: {@code java -cp benchmarks.jar mcs.bench.chordal.ChordalCpuTimes N SHAPE [K] [REPS]}.
 */
public final class ChordalCpuTimes {
    private ChordalCpuTimes() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        String shape = args[1];
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Mc1Instance inst = ChordalData.build(shape, n, k, 42L);
        inst.matrix().pattern().adjacency();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < reps; rep++) {
            long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            SolverResult r = new ChordalSolver().solve(inst, null, SolverOptions.defaults());
            long c1 = mx.getCurrentThreadCpuTime(), t1 = System.nanoTime();
            Certificate c = r.certificate();
            Judgement j = Kernel.check(inst, null, c, KernelOptions.defaults());
            long c2 = mx.getCurrentThreadCpuTime(), t2 = System.nanoTime();
            System.out.printf("%s n=%d k=%d rep %d: solver wall %.3f s cpu %.3f s (%s) | kernel wall %.3f s cpu %.3f s %s%n", shape, n, k, rep,
                    (t1 - t0) / 1e9, (c1 - c0) / 1e9, r.verdict(), (t2 - t1) / 1e9, (c2 - c1) / 1e9, j.outcome());
        }
    }
}
