package mcs.problems.families;

import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.matrix.RationalMatrix;

/**
 * Gaussian-boson-sampling matrices: squeezed vacuum in every mode, then a Haar-random interferometer.
 *
 * <ul>
 *   <li>{@code gbs-amplitude}: B = U·diag(tanh r_i)·Uᵀ (n modes, U Haar-random orthogonal for
 *       {@code field=real}, unitary for {@code field=complex}); the probability of a photon pattern S is
 *       |haf(B_S)|²/Π cosh r_i, so haf(B) itself is the amplitude of one photon in every mode.
 *   <li>{@code gbs-covariance}: Σ = ½·O·diag(e^{−2 r_i})·Oᵀ, the covariance of the x quadratures after a real
 *       interferometer O; haf(Σ) = E[x_1⋯x_n] (Isserlis).
 *   <li>{@code gbs-pattern}: B of {@code gbs-amplitude} (real) with row and column i repeated r_i times for a
 *       random photon pattern with {@code photons} photons (each placed in a uniformly random mode, the total
 *       kept even): haf of the expanded matrix is the amplitude of that pattern (a repeated-rows instance).
 * </ul>
 * Squeezing: r_i uniform in [r/2, r] ({@code squeezing=random}, the default; always for real matrices, since with
 * equal squeezing a real orthogonal O gives O·tanh(r)I·Oᵀ = tanh(r)·I) or r_i = r for every mode
 * ({@code equal}, complex amplitudes only, the usual GBS set-up). Draws: Gaussian entries by
 * Box–Muller, modified Gram–Schmidt (Haar measure: the QR factor with positive diagonal), everything in
 * double with {@link StrictMath}; the matrix is rounded half-up to {@code digits} decimals and made exactly
 * symmetric (the lower triangle copies the upper), so the exact data are short decimals. The families do not
 * know the hafnian (verdict UNKNOWN); exact solvers and the kernel provide it.
 */
final class GbsFamily extends BaseFamily {
    enum Kind { AMPLITUDE, COVARIANCE, PATTERN }

    private final Kind kind;

    private GbsFamily(String name, Kind kind, List<Parameter> params) {
        super(name, Problem.HAFNIAN, kind == Kind.PATTERN ? 1 : 2, params);
        this.kind = kind;
    }

    static GbsFamily amplitude() {
        return new GbsFamily("gbs-amplitude", Kind.AMPLITUDE, List.of(
                new Parameter("r", "0.8", "squeezing parameter r > 0 (rational)"),
                new Parameter("squeezing", "random", "random (r_i uniform in [r/2, r]) or equal (every r_i = r; field=complex only)"),
                new Parameter("field", "real", "real (orthogonal interferometer) or complex (unitary)"),
                new Parameter("digits", "6", "decimals kept after rounding each entry (1..15)")));
    }

    static GbsFamily covariance() {
        return new GbsFamily("gbs-covariance", Kind.COVARIANCE, List.of(
                new Parameter("r", "0.8", "largest squeezing parameter r > 0; r_i uniform in [r/2, r]"),
                new Parameter("digits", "6", "decimals kept after rounding each entry (1..15)")));
    }

    static GbsFamily pattern() {
        return new GbsFamily("gbs-pattern", Kind.PATTERN, List.of(
                new Parameter("photons", "n", "total photon number (rounded up to even), an integer >= 0 or n"),
                new Parameter("r", "0.8", "largest squeezing parameter r > 0; r_i uniform in [r/2, r]"),
                new Parameter("digits", "6", "decimals kept after rounding each entry (1..15)")));
    }

    @Override
    public int defaultN() {
        return kind == Kind.PATTERN ? 6 : 8;
    }

    @Override
    public String description() {
        return switch (kind) {
            case AMPLITUDE -> "HAFNIAN of a Gaussian-boson-sampling amplitude matrix B = U diag(tanh r_i) U^T for n squeezed modes (r_i "
                    + "uniform in [r/2, r], or all r with squeezing=equal for field=complex) and a Haar-random interferometer U (orthogonal, or "
                    + "unitary with field=complex); |haf B_S|^2/prod cosh r_i is the probability "
                    + "of photon pattern S. Entries rounded to `digits` decimals, exactly symmetric. The family does not know the hafnian "
                    + "(UNKNOWN); exact solvers provide it.";
            case COVARIANCE -> "HAFNIAN of the x-quadrature covariance Sigma = 1/2 O diag(exp(-2 r_i)) O^T of n squeezed modes (r_i uniform "
                    + "in [r/2, r]) after a Haar-random real interferometer O: haf(Sigma) = E[x_1...x_n] (Isserlis). Entries rounded to "
                    + "`digits` decimals, exactly symmetric. UNKNOWN value.";
            case PATTERN -> "HAFNIAN with repeated rows and columns: the real gbs-amplitude matrix of n modes (r_i uniform in [r/2, r]) with row and column i repeated "
                    + "r_i times for a random photon pattern of `photons` photons (each in a uniformly random mode; total made even), "
                    + "i.e. the amplitude of that pattern. Written as a JSON descriptor {\"problem\": \"hafnian\", \"matrix\": ..., "
                    + "\"repeats\": [...]}. UNKNOWN value.";
        };
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        PermData.checkOrder(name(), n);
        Rational rr = p.rational("r");
        if (rr.signum() <= 0 || rr.compareTo(Rational.of(20)) > 0) throw p.bad("r", p.text("r"), "a rational in (0, 20]");
        double r = rr.toDouble();
        int digits = p.integer("digits", 1, 15);
        if (kind == Kind.AMPLITUDE && n % 2 != 0) throw new IllegalArgumentException("family '" + name() + "' needs an even n, got n = " + n);
        if (kind == Kind.COVARIANCE && n % 2 != 0) throw new IllegalArgumentException("family '" + name() + "' needs an even n, got n = " + n);
        boolean complex = kind == Kind.AMPLITUDE && p.choice("field", "real", "complex").equals("complex");
        boolean randomSqueezing = kind != Kind.AMPLITUDE || p.choice("squeezing", "random", "equal").equals("random");
        if (!randomSqueezing && !complex) throw p.bad("squeezing", "equal", "random for a real interferometer (equal squeezing gives tanh(r)·I)");
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double ri = randomSqueezing ? r * (0.5 + 0.5 * rng.nextDouble()) : r;
            d[i] = kind == Kind.COVARIANCE ? 0.5 * StrictMath.exp(-2 * ri) : StrictMath.tanh(ri);
        }
        double[][][] u = haar(n, complex, rng);
        // M = U diag(d) Uᵀ (transpose, not conjugate transpose: B is complex symmetric).
        Rational[][] re = new Rational[n][n], im = complex ? new Rational[n][n] : null;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sr = 0, si = 0;
                for (int k = 0; k < n; k++) {
                    double ar = u[0][i][k], ai = complex ? u[1][i][k] : 0, br = u[0][j][k], bi = complex ? u[1][j][k] : 0;
                    sr += d[k] * (ar * br - ai * bi);
                    si += d[k] * (ar * bi + ai * br);
                }
                re[i][j] = re[j][i] = Sampling.roundDecimal(sr, digits);
                if (complex) im[i][j] = im[j][i] = Sampling.roundDecimal(si, digits);
            }
        }
        RationalMatrix a = RationalMatrix.of(re);
        KnownAnswer unknown = KnownAnswer.unknown("random Gaussian-boson-sampling matrix: no closed form");
        if (kind != Kind.PATTERN) {
            PermInstance.Field f = complex ? PermInstance.Field.COMPLEX : PermInstance.Field.REAL;
            return new Outcome(new PermInstance(Problem.HAFNIAN, f, a, complex ? RationalMatrix.of(im) : null), unknown);
        }
        String ph = p.text("photons");
        int photons = ph.equals("n") ? n : p.integer("photons", 0, RepeatedInstance.MAX_TOTAL);
        if (photons % 2 != 0) photons++;
        int[] rep = new int[n];
        for (int k = 0; k < photons; k++) rep[rng.nextInt(n)]++;
        return new Outcome(RepeatedInstance.symmetric(new PermInstance(Problem.HAFNIAN, PermInstance.Field.REAL, a, null), rep), unknown);
    }

    /** {re, im} of a Haar-random orthogonal (im unused) or unitary n×n matrix: Gram–Schmidt of a Gaussian matrix. */
    static double[][][] haar(int n, boolean complex, SplittableRandom rng) {
        double[][] re = new double[n][n], im = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                re[i][j] = Sampling.gaussian(rng);
                if (complex) im[i][j] = Sampling.gaussian(rng);
            }
        }
        // Columns j = 0..n−1, orthonormalised against the previous ones (modified Gram–Schmidt).
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < j; k++) {
                double pr = 0, pi = 0; // ⟨col k, col j⟩ = Σ conj(u_ik) u_ij
                for (int i = 0; i < n; i++) {
                    pr += re[i][k] * re[i][j] + im[i][k] * im[i][j];
                    pi += re[i][k] * im[i][j] - im[i][k] * re[i][j];
                }
                for (int i = 0; i < n; i++) {
                    double xr = pr * re[i][k] - pi * im[i][k], xi = pr * im[i][k] + pi * re[i][k];
                    re[i][j] -= xr;
                    im[i][j] -= xi;
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) norm += re[i][j] * re[i][j] + im[i][j] * im[i][j];
            norm = StrictMath.sqrt(norm);
            for (int i = 0; i < n; i++) {
                re[i][j] /= norm;
                im[i][j] /= norm;
            }
        }
        return new double[][][] {re, im};
    }
}
