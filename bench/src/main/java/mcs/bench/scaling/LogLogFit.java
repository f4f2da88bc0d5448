package mcs.bench.scaling;

/**
 * Ordinary least squares of log t on log x (natural logarithms): log t = a + b·log x, so t ∝ x^b. The slope's
 * 95% confidence interval is b ± t_{0.975, N−2}·se(b) with se(b) = √(s²/Sxx), s² = SSR/(N − 2) (normal
 * errors in log time assumed; points are runs, not per-size medians, so seeds add degrees of freedom).
 *
 * @param points number of (x, t) pairs used
 * @param slope b
 * @param intercept a
 * @param low lower end of the 95% interval of b (NaN when N = 2: no degrees of freedom are left)
 * @param high upper end of the 95% interval of b
 * @param r2 coefficient of determination
 */
record LogLogFit(int points, double slope, double intercept, double low, double high, double r2) {

    /**
     * @param x positive abscissae (here n·m)
     * @param t positive ordinates (here seconds), same length
     * @return the fit, or null when fewer than two points or all x are equal
     */
    static LogLogFit of(double[] x, double[] t) {
        int n = x.length;
        if (n != t.length) throw new IllegalArgumentException("x and t differ in length: " + n + " vs " + t.length);
        if (n < 2) return null;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            if (!(x[i] > 0 && t[i] > 0)) throw new IllegalArgumentException("log-log fit needs positive data, got (" + x[i] + ", " + t[i] + ")");
            mx += Math.log(x[i]) / n;
            my += Math.log(t[i]) / n;
        }
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - mx, dy = Math.log(t[i]) - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (!(sxx > 1e-24)) return null;
        double b = sxy / sxx, a = my - b * mx;
        double ssr = Math.max(0, syy - b * sxy);
        double r2 = syy > 0 ? 1 - ssr / syy : 1;
        if (n == 2) return new LogLogFit(n, b, a, Double.NaN, Double.NaN, r2);
        double se = Math.sqrt(ssr / (n - 2) / sxx);
        double half = StudentT.quantile(0.975, n - 2) * se;
        return new LogLogFit(n, b, a, b - half, b + half, r2);
    }

    /** The fitted time at x. */
    double predict(double x) {
        return Math.exp(intercept + slope * Math.log(x));
    }
}
