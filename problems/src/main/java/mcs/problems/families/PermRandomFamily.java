package mcs.problems.families;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;

/**
 * ARC's random permanent families (0/1, ±1, Gaussian, exponential, Wishart); exact value unknown to the family.
 *
 * <p>Parameters: see {@link #description()}. Cost: O(n²) draws; Wishart O(n²·k) exact products.
 */
final class PermRandomFamily extends BaseFamily {
    enum Kind { BERNOULLI, SIGNS, GAUSSIAN, EXPONENTIAL, WISHART }

    private final Kind kind;

    private PermRandomFamily(String name, Kind kind, List<Parameter> params) {
        super(name, Problem.PERMANENT, 1, params);
        this.kind = kind;
    }

    static PermRandomFamily bernoulli() {
        return new PermRandomFamily("perm-01", Kind.BERNOULLI, List.of(new Parameter("p", "1/2", "rational probability in [0, 1] of a 1 entry")));
    }

    static PermRandomFamily signs() {
        return new PermRandomFamily("perm-pm1", Kind.SIGNS, List.of());
    }

    static PermRandomFamily gaussian() {
        return new PermRandomFamily("perm-gaussian", Kind.GAUSSIAN, List.of(new Parameter("digits", "3", "decimals kept after rounding each N(0,1) draw (0..15)")));
    }

    static PermRandomFamily exponential() {
        return new PermRandomFamily("perm-exponential", Kind.EXPONENTIAL, List.of(new Parameter("digits", "3", "decimals kept after rounding each Exp(1) draw (0..15)")));
    }

    static PermRandomFamily wishart() {
        return new PermRandomFamily("perm-wishart", Kind.WISHART, List.of(
                new Parameter("k", "n", "columns of the Gaussian factor G: an integer ≥ 1, or n"),
                new Parameter("digits", "2", "decimals kept after rounding each N(0,1) entry of G (0..15)")));
    }

    @Override
    public String description() {
        String what = switch (kind) {
            case BERNOULLI -> "i.i.d. 0/1 entries equal to 1 with probability p (decided exactly: a uniform integer below p's denominator is compared with its numerator)";
            case SIGNS -> "i.i.d. uniform ±1 entries";
            case GAUSSIAN -> "i.i.d. standard normal entries (Box–Muller with StrictMath) rounded half-up to `digits` decimals, so the exact data are short decimals";
            case EXPONENTIAL -> "i.i.d. rate-one exponential entries (inversion with StrictMath) rounded half-up to `digits` decimals";
            case WISHART -> "A = GGᵀ for an n×k matrix G of standard normal draws rounded to `digits` decimals; A is computed exactly from the rounded G, so it is exactly PSD and symmetric (hence perm(A) ≥ Π a_ii and perm(A) ≥ det A)";
        };
        return "PERMANENT, one of ARC's random families used to evaluate heuristic estimators: an n×n matrix with " + what
                + ". The family does not know the permanent (verdict UNKNOWN, no value); exact solvers provide it.";
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        PermData.checkOrder(name(), n);
        RationalMatrix a = switch (kind) {
            case BERNOULLI -> bernoulli(n, p, rng);
            case SIGNS -> iid(n, rng, r -> Rational.of(r.nextBoolean() ? 1 : -1));
            case GAUSSIAN -> {
                int d = p.integer("digits", 0, 15);
                yield iid(n, rng, r -> Sampling.roundDecimal(Sampling.gaussian(r), d));
            }
            case EXPONENTIAL -> {
                int d = p.integer("digits", 0, 15);
                yield iid(n, rng, r -> Sampling.roundDecimal(Sampling.exponential(r), d));
            }
            case WISHART -> wishart(n, p, rng);
        };
        String why = kind == Kind.WISHART ? "random PSD matrix: no closed form (perm ≥ Π a_ii holds)" : "random matrix: no closed form";
        return new Outcome(PermInstance.permanent(a), KnownAnswer.unknown(why));
    }

    private interface Draw {
        Rational next(SplittableRandom rng);
    }

    private static RationalMatrix iid(int n, SplittableRandom rng, Draw draw) {
        Rational[] flat = new Rational[n * n];
        for (int q = 0; q < flat.length; q++) flat[q] = draw.next(rng);
        return Compact.matrix(n, n, flat);
    }

    private static RationalMatrix bernoulli(int n, Params p, SplittableRandom rng) {
        Rational prob = p.rational("p");
        if (prob.signum() < 0 || prob.compareTo(Rational.ONE) > 0 || prob.denominator().bitLength() > 62) {
            throw p.bad("p", p.text("p"), "a rational in [0, 1] with a denominator below 2^62");
        }
        long den = prob.denominator().longValueExact(), num = prob.numerator().longValueExact();
        return iid(n, rng, r -> r.nextLong(den) < num ? Rational.ONE : Rational.ZERO);
    }

    private static RationalMatrix wishart(int n, Params p, SplittableRandom rng) {
        int k = p.text("k").equals("n") ? n : p.integer("k", 1, 1_000_000);
        int d = p.integer("digits", 0, 15);
        long[][] g = new long[n][k]; // G = g·10^−d
        for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) g[i][c] = Math.round(Sampling.gaussian(rng) * StrictMath.pow(10, d));
        Rational[] flat = new Rational[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                BigInteger s = BigInteger.ZERO;
                for (int c = 0; c < k; c++) s = s.add(BigInteger.valueOf(g[i][c]).multiply(BigInteger.valueOf(g[j][c])));
                flat[i * n + j] = flat[j * n + i] = Rational.ofDecimal(s, -2 * d);
            }
        }
        return Compact.matrix(n, n, flat);
    }
}
