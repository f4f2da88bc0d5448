package mcs.bench.scaling;

/**
 * Quantiles of Student's t distribution, for the confidence interval of a fitted slope.
 *
 * <p>The CDF is P(T ≤ t) = 1 − ½·I_x(ν/2, ½) with x = ν/(ν + t²) for t ≥ 0, where I is the regularised
 * incomplete beta function evaluated by its continued fraction (modified Lentz, Numerical Recipes §6.4)
 * and ln Γ by the Lanczos approximation (g = 7, 9 terms; relative error below 1e-13). The quantile is
 * found by bisection to an absolute error of 1e-10. Cost: O(100) continued-fraction evaluations.
 */
final class StudentT {
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};

    private StudentT() {}

    /**
     * @param p probability in (0, 1)
     * @param df degrees of freedom (≥ 1)
     * @return t with P(T ≤ t) = p
     */
    static double quantile(double p, double df) {
        if (!(p > 0 && p < 1) || !(df >= 1)) throw new IllegalArgumentException("need 0 < p < 1 and df >= 1, got p=" + p + ", df=" + df);
        if (p < 0.5) return -quantile(1 - p, df);
        double lo = 0, hi = 1;
        while (cdf(hi, df) < p) hi *= 2;
        while (hi - lo > 1e-10) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, df) < p) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** P(T ≤ t) for ν = df degrees of freedom. */
    static double cdf(double t, double df) {
        double tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The regularised incomplete beta function I_x(a, b), 0 ≤ x ≤ 1, a, b &gt; 0. */
    static double incompleteBeta(double x, double a, double b) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        // The continued fraction converges fast for x < (a+1)/(a+b+2); otherwise use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
        if (x < (a + 1) / (a + b + 2)) return front * betaFraction(x, a, b) / a;
        return 1 - front * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        if (Math.abs(d) < tiny) d = tiny;
        d = 1 / d;
        double h = d;
        for (int k = 1; k <= 300; k++) {
            int k2 = 2 * k;
            double num = k * (b - k) * x / ((a + k2 - 1) * (a + k2));
            d = 1 + num * d;
            c = 1 + num / c;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = Math.abs(c) < tiny ? tiny : c;
            h *= d * c;
            num = -(a + k) * (a + b + k) * x / ((a + k2) * (a + k2 + 1));
            d = 1 + num * d;
            c = 1 + num / c;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = Math.abs(c) < tiny ? tiny : c;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) break;
        }
        return h;
    }

    static double lnGamma(double x) {
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
        double z = x - 1, s = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) s += LANCZOS[i] / (z + i);
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
