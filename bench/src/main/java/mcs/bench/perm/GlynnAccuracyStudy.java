package mcs.bench.perm;

import java.util.Random;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.solvers.perm.exact.ExactModularSolver;
import mcs.solvers.perm.glynn.GlynnSolver;

/**
 * Accuracy of {@code glynn} against the exact permanent, beside the plain scalar Glynn baseline: seeded
 * n×n matrices with entries uniform in [−1, 1] on the grid 2^-20 (so that {@code exact-modular} can give
 * the exact value), for each seed the relative error of both, and glynn's stated error bound relative
 * to |perm| (which must cover its error). Run:
 * {@code java -cp bench/target/benchmarks.jar mcs.bench.perm.GlynnAccuracyStudy 26 1 3} (n, first seed,
 * last seed). Prints one line per seed.
 */
public final class GlynnAccuracyStudy {
    private GlynnAccuracyStudy() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 26;
        long from = args.length > 1 ? Long.parseLong(args[1]) : 1;
        long to = args.length > 2 ? Long.parseLong(args[2]) : 3;
        System.out.println("n seed  rel_err_glynn  rel_bound_glynn  rel_err_plain  bound_covers");
        for (long seed = from; seed <= to; seed++) {
            Random rnd = new Random(seed);
            double[][] a = new double[n][n];
            Rational[][] r = new Rational[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    long k = rnd.nextInt((1 << 21) + 1) - (1 << 20);
                    a[i][j] = Math.scalb((double) k, -20);
                    r[i][j] = Rational.of(k, 1L << 20);
                }
            }
            PermInstance inst = PermInstance.permanent(RationalMatrix.of(r));
            SolverOptions opts = SolverOptions.defaults().withThreads(2);
            Rational exact = Rational.parse(new ExactModularSolver().solve(inst, null, opts).value());
            SolverResult g = new GlynnSolver().solve(inst, null, opts);
            Rational err = Rational.parse(g.value()).subtract(exact).abs();
            Rational bound = g.certificate().errorBound();
            double plain = PlainGlynn.permanent(a);
            double plainErr = Rational.ofDouble(plain).subtract(exact).abs().divide(exact.abs()).toDouble();
            System.out.printf("%d %d  %.3e  %.3e  %.3e  %s%n", n, seed, err.divide(exact.abs()).toDouble(),
                    bound.divide(exact.abs()).toDouble(), plainErr, err.compareTo(bound) <= 0);
        }
    }
}
