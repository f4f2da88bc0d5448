package mcs.problems.families;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;

/**
 * Random symmetric hafnian families for evaluating hafnian estimators (as ARC's heuristic-hafnian evaluates
 * on random and Wishart covariances): {@code haf-01} (i.i.d. 0/1 entries above the diagonal, mirrored),
 * {@code haf-gaussian} (i.i.d. N(0,1) rounded to {@code digits} decimals, mirrored), {@code haf-wishart}
 * (A = GGᵀ from an n×k Gaussian G rounded to {@code digits} decimals, computed exactly: PSD). The diagonal is
 * irrelevant to the hafnian; haf-01 and haf-gaussian set it to 0. Value unknown to the family.
 */
final class HafRandomFamily extends BaseFamily {
    enum Kind { BERNOULLI, GAUSSIAN, WISHART }

    private final Kind kind;

    private HafRandomFamily(String name, Kind kind, List<Parameter> params) {
        super(name, mcs.problems.instance.Problem.HAFNIAN, 2, params);
        this.kind = kind;
    }

    static HafRandomFamily bernoulli() {
        return new HafRandomFamily("haf-01", Kind.BERNOULLI, List.of(new Parameter("p", "1/2", "rational probability in [0, 1] of a 1 entry")));
    }

    static HafRandomFamily gaussian() {
        return new HafRandomFamily("haf-gaussian", Kind.GAUSSIAN, List.of(new Parameter("digits", "3", "decimals kept after rounding each N(0,1) draw (0..15)")));
    }

    static HafRandomFamily wishart() {
        return new HafRandomFamily("haf-wishart", Kind.WISHART, List.of(
                new Parameter("k", "n", "columns of the Gaussian factor G: an integer ≥ 1, or n"),
                new Parameter("digits", "2", "decimals kept after rounding each N(0,1) entry of G (0..15)")));
    }

    @Override
    public String description() {
        String what = switch (kind) {
            case BERNOULLI -> "i.i.d. 0/1 entries above the diagonal equal to 1 with probability p (decided exactly), mirrored, zero diagonal";
            case GAUSSIAN -> "i.i.d. standard normal entries above the diagonal rounded half-up to `digits` decimals, mirrored, zero diagonal";
            case WISHART -> "A = G G^T for an n×k matrix G of standard normal draws rounded to `digits` decimals, computed exactly (PSD)";
        };
        return "HAFNIAN of a random symmetric matrix of even order n with " + what + "; for evaluating hafnian estimators (estimate-eval). "
                + "The family does not know the hafnian (UNKNOWN); exact solvers provide it.";
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        PermData.checkOrder(name(), n);
        if (n % 2 != 0) throw new IllegalArgumentException("family '" + name() + "' needs an even n, got n = " + n);
        Rational[] flat = new Rational[n * n];
        switch (kind) {
            case BERNOULLI -> {
                Rational prob = p.rational("p");
                if (prob.signum() < 0 || prob.compareTo(Rational.ONE) > 0 || prob.denominator().bitLength() > 62) {
                    throw p.bad("p", p.text("p"), "a rational in [0, 1] with a denominator below 2^62");
                }
                long den = prob.denominator().longValueExact(), num = prob.numerator().longValueExact();
                fill(n, flat, () -> rng.nextLong(den) < num ? Rational.ONE : Rational.ZERO);
            }
            case GAUSSIAN -> {
                int d = p.integer("digits", 0, 15);
                fill(n, flat, () -> Sampling.roundDecimal(Sampling.gaussian(rng), d));
            }
            case WISHART -> {
                int k = p.text("k").equals("n") ? n : p.integer("k", 1, 1_000_000);
                int d = p.integer("digits", 0, 15);
                long[][] g = new long[n][k];
                for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) g[i][c] = Math.round(Sampling.gaussian(rng) * StrictMath.pow(10, d));
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        BigInteger s = BigInteger.ZERO;
                        for (int c = 0; c < k; c++) s = s.add(BigInteger.valueOf(g[i][c]).multiply(BigInteger.valueOf(g[j][c])));
                        flat[i * n + j] = flat[j * n + i] = Rational.ofDecimal(s, -2 * d);
                    }
                }
            }
        }
        RationalMatrix a = Compact.matrix(n, n, flat);
        return new Outcome(PermInstance.hafnian(a), KnownAnswer.unknown("random symmetric matrix: no closed form"));
    }

    private static void fill(int n, Rational[] flat, java.util.function.Supplier<Rational> draw) {
        for (int i = 0; i < n; i++) {
            flat[i * n + i] = Rational.ZERO;
            for (int j = i + 1; j < n; j++) flat[i * n + j] = flat[j * n + i] = draw.get();
        }
    }
}
